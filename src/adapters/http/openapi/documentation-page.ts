/** The swagger-ui-dist files the documentation page loads; served from node_modules, never from a CDN. */
export const DOCUMENTATION_ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'] as const;

export const DOCUMENTATION_PATH = '/api/documentation';

/** A page that renders the OpenAPI document at `specUrl` with Swagger UI. */
export function documentationPage(specUrl: string): string {
  const asset = (name: (typeof DOCUMENTATION_ASSETS)[number]): string => `${DOCUMENTATION_PATH}/${name}`;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Forte API</title>
    <link rel="stylesheet" href="${asset('swagger-ui.css')}">
    <link rel="icon" type="image/png" href="${asset('favicon-32x32.png')}">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${asset('swagger-ui-bundle.js')}"></script>
    <script>
      window.ui = SwaggerUIBundle({ url: ${JSON.stringify(specUrl)}, dom_id: '#swagger-ui', deepLinking: true });
    </script>
  </body>
</html>
`;
}

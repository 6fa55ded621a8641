// @ts-check
// `npm install` (the prepare script) points git at the commit-msg hook in .husky/. Where there is nothing to
// install into it says why and succeeds: CI, production installs without husky, and a folder that is not a git
// checkout (an unpacked archive).
if (process.env.CI && process.env.CI !== 'false') process.exit(0);

const husky = await import('husky').then(
  (module) => module.default,
  () => null,
);
if (!husky) {
  console.log('husky is not installed (npm install --omit=dev?): commit hooks not installed');
} else {
  const outcome = husky();
  if (outcome) console.log(`husky: ${outcome} (commit hooks not installed)`);
}

import { z } from 'zod';
import { HttpProblem } from './http-problem';

export type RequestPart = 'params' | 'query' | 'body' | 'headers';

const PART_NAMES: Record<RequestPart, string> = {
  params: 'path parameters',
  query: 'query string',
  body: 'body',
  headers: 'headers',
};

interface IssueDescription {
  path: string;
  message: string;
}

/** Parses one part of a request with its schema, or throws 422 `VALIDATION_FAILED` naming every bad field. */
export function validate<S extends z.ZodType>(part: RequestPart, schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new HttpProblem(422, 'VALIDATION_FAILED', `The request's ${PART_NAMES[part]} failed validation.`, {
    issues: parsed.error.issues.flatMap((issue) => describe(part, issue)),
  });
}

function describe(part: RequestPart, issue: z.core.$ZodIssue): IssueDescription[] {
  const at = (path: PropertyKey[]): string => [part, ...path.map(String)].join('.');
  // One entry per unknown field, so that each can be found by its own path.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: at([...issue.path, key]), message: 'unknown field' }));
  }
  return [{ path: at(issue.path), message: issue.message }];
}

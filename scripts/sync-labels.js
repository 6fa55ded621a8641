#!/usr/bin/env node
// @ts-check
// Makes a GitHub repository's labels match .github/labels.yml through the REST API: creates the missing ones,
// updates colour and description, renames a label listed under `from_name`. It deletes nothing: labels that the
// file does not list are named at the end, for a person to decide.
//
//   GITHUB_TOKEN=... node scripts/sync-labels.js [--repo owner/name] [--file .github/labels.yml] [--dry-run]
//
// GITHUB_REPOSITORY and GITHUB_API_URL (set by GitHub Actions) give the default repository and API address.
// Exit status: 0 done, 1 the API refused or failed, 2 bad usage or an invalid labels file.
'use strict';

const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parseArgs } = require('node:util');
const Ajv = require('ajv').default;
const YAML = require('yaml');

const ROOT = join(__dirname, '..');

class UsageError extends Error {}

/** @typedef {{ name: string, color: string, description: string, from_name?: string }} Label */
/** @typedef {{ name: string, color: string, description: string | null }} GitHubLabel */

/** @returns {Label[]} the labels of the file, checked against .github/labels.schema.json and for repeated names */
function readLabels(/** @type {string} */ file) {
  /** @type {unknown} */
  let labels;
  try {
    labels = YAML.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`${file}: ${/** @type {Error} */ (error).message}`);
  }
  const schema = JSON.parse(readFileSync(join(ROOT, '.github/labels.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  if (!validate(labels)) {
    const problems = (validate.errors ?? []).map((error) => `  ${error.instancePath || '/'} ${error.message}`);
    throw new UsageError(`${file} does not fit .github/labels.schema.json:\n${problems.join('\n')}`);
  }
  const checked = /** @type {Label[]} */ (labels);
  const seen = new Set();
  for (const label of checked) {
    const key = label.name.toLowerCase();
    if (seen.has(key)) throw new UsageError(`${file}: the label "${label.name}" is listed twice (GitHub ignores case)`);
    seen.add(key);
  }
  return checked;
}

/** A small client of GitHub's labels API for one repository. */
function labelsApi(/** @type {{ api: string, repo: string, token: string }} */ { api, repo, token }) {
  const base = `${api.replace(/\/$/, '')}/repos/${repo}/labels`;
  const call = async (/** @type {string} */ method, /** @type {string} */ url, /** @type {unknown} */ body) => {
    const response = await fetch(url, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'x-github-api-version': '2022-11-28',
        'user-agent': 'forte-sync-labels',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      const text = await response.text();
      let message = text;
      try {
        message = JSON.parse(text).message ?? text;
      } catch {
        // not JSON: keep the text
      }
      throw new Error(`${method} ${url} answered ${response.status}: ${message}`);
    }
    return response;
  };
  return {
    async list() {
      /** @type {GitHubLabel[]} */
      const labels = [];
      /** @type {string | null} */
      let url = `${base}?per_page=100`;
      while (url) {
        const response = await call('GET', url, undefined);
        labels.push(.../** @type {GitHubLabel[]} */ (await response.json()));
        url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1] ?? null;
      }
      return labels;
    },
    create: (/** @type {Label} */ label) =>
      call('POST', base, { name: label.name, color: label.color, description: label.description }),
    update: (/** @type {string} */ current, /** @type {Label} */ label) =>
      call('PATCH', `${base}/${encodeURIComponent(current)}`, {
        new_name: label.name,
        color: label.color,
        description: label.description,
      }),
  };
}

/** What has to change on GitHub for it to match the file. */
function plan(/** @type {Label[]} */ wanted, /** @type {GitHubLabel[]} */ existing) {
  const byName = new Map(existing.map((label) => [label.name.toLowerCase(), label]));
  const claimed = new Set();
  /** @type {Label[]} */ const create = [];
  /** @type {Array<{ current: string, label: Label }>} */ const update = [];
  for (const label of wanted) {
    const found =
      byName.get(label.name.toLowerCase()) ?? (label.from_name ? byName.get(label.from_name.toLowerCase()) : undefined);
    if (!found) {
      create.push(label);
      continue;
    }
    claimed.add(found.name.toLowerCase());
    const same =
      found.name === label.name &&
      found.color.toLowerCase() === label.color &&
      (found.description ?? '') === label.description;
    if (!same) update.push({ current: found.name, label });
  }
  const unmanaged = existing.filter((label) => !claimed.has(label.name.toLowerCase())).map((label) => label.name);
  return { create, update, unmanaged };
}

const USAGE = 'usage: GITHUB_TOKEN=... node scripts/sync-labels.js [--repo owner/name] [--file labels.yml] [--dry-run]';

/** The command line's options; an unknown or incomplete one is a usage error, as is a missing repository. */
function options() {
  try {
    return parseArgs({
      options: {
        repo: { type: 'string', default: process.env.GITHUB_REPOSITORY },
        file: { type: 'string', default: join(ROOT, '.github/labels.yml') },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError(`${/** @type {Error} */ (error).message}\n${USAGE}`);
  }
}

async function main() {
  const values = options();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const labels = readLabels(values.file ?? '');
  const repo = values.repo ?? '';
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo))
    throw new UsageError('name the repository: --repo owner/name (or GITHUB_REPOSITORY)');
  const token = process.env.GITHUB_TOKEN;
  if (!token) throw new UsageError("set GITHUB_TOKEN to a token that may write the repository's issues");

  const api = labelsApi({ api: process.env.GITHUB_API_URL ?? 'https://api.github.com', repo, token });
  const { create, update, unmanaged } = plan(labels, await api.list());
  const dryRun = values['dry-run'] ? ' (dry run)' : '';
  for (const label of create) {
    if (!dryRun) await api.create(label);
    console.log(`created ${label.name}${dryRun}`);
  }
  for (const { current, label } of update) {
    if (!dryRun) await api.update(current, label);
    console.log(`${current === label.name ? 'updated' : `renamed ${current} →`} ${label.name}${dryRun}`);
  }
  console.log(
    `${repo}: ${create.length} created, ${update.length} updated, ${labels.length - create.length - update.length} unchanged${dryRun}`,
  );
  if (unmanaged.length > 0) console.log(`not in the labels file (left as they are): ${unmanaged.join(', ')}`);
}

main().catch((error) => {
  console.error(`sync-labels: ${error.message}`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});

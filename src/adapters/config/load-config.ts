import { config as loadDotenv } from 'dotenv';
import { Config, parseConfig } from './config';

/** The configuration of this process: `.env` in the working directory first, the real environment wins. */
export function loadConfig(): Config {
  loadDotenv({ quiet: true });
  return parseConfig(process.env);
}

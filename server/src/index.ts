// Public surface of @hotline/server for other workspaces (tests, e2e rig).
export { type AppDeps, buildApp } from './app.ts';
export { type Config, ConfigError, loadConfig } from './config.ts';
export { issueSipCredentials, sipPassword, verifySipCredentials } from './sip/sip-credentials.ts';

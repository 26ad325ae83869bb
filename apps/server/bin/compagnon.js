#!/usr/bin/env node
// Entry point of `npx compagnon …`: runs the TypeScript sources through tsx, no build step needed.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');

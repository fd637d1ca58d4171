#!/usr/bin/env node
// The package's command-line entry: the bundled CLI (dist-cli/), built first when missing or older than the sources.
import { pathToFileURL } from 'node:url';
import { BUNDLE, buildBundle, bundleIsStale } from '../electron/cli/bundle.mjs';

if (bundleIsStale()) await buildBundle();
await import(pathToFileURL(BUNDLE).href);

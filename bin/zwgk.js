#!/usr/bin/env node
import { main } from '../dist/cli-bundle/index.js';

process.exitCode = await main(process.argv);

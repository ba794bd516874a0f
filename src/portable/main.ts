// The portable single file, zwgk.mjs: the command line with every package it uses, the schemas and the
// templates inside one file that Node runs alone (`node zwgk.mjs validate catalogs`). Built by
// rolldown.config.mjs, which puts the modules of this folder in place of the ones they are named after.
// The validation pool starts its workers from this same file.
import { main } from '../cli/index.js';
import { isPoolWorker, startPoolWorker } from '../validate/pool-worker.js';
import { quietBufferDeprecation } from './warnings.js';
import { DOCUMENT_MAKERS } from '../cli/documents.js';

quietBufferDeprecation();
if (isPoolWorker()) startPoolWorker(DOCUMENT_MAKERS);
else process.exitCode = await main(process.argv);

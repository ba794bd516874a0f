// The command line as a few files (npm run build, after tsc): bin/zwgk.js loads dist/cli-bundle/index.js.
// Node loads each ES module separately, and ~70 of them cost a short `zwgk validate` about a fifth of
// its time; bundled, the same code loads as a handful of chunks. The library (dist/index.js) is
// tsc's output as it is. Code of each command is still loaded only when that command runs.
export default {
  input: {
    index: 'dist/cli/index.js',
    // Started by the validation worker pool as ./pool-worker.js beside the chunk that starts it.
    'pool-worker': 'dist/validate/pool-worker.js',
  },
  platform: 'node',
  // Entry files export exactly what their modules export, so shared code is never folded into
  // pool-worker.js (whose top level starts a worker).
  preserveEntrySignatures: 'strict',
  // Packages stay in node_modules, except the two every command loads at start.
  external: (id) => !id.startsWith('.') && !id.startsWith('/') && !/^(commander|picocolors)(\/|$)/.test(id),
  output: {
    dir: 'dist/cli-bundle',
    cleanDir: true,
    format: 'esm',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    codeSplitting: {
      groups: [
        // What validation needs (reading, rules, schema, reports, configuration) in one chunk.
        { name: 'core', test: /dist\/(?!validate\/pool-worker)(load|lint|catalog|schema|validate|config|report|util)\/|dist\/[^/]+\.js$/ },
      ],
    },
  },
};

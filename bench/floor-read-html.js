#!/usr/bin/env node
// The floor of `zwgk import <page.html>`: what "parse5 reads it" costs. Reads the page as UTF-8 and
// parses it with parse5's `parse` (the full HTML5 tree builder zwgk's reader uses), then counts the
// table cells (<td> and <th>) in the tree, which it prints.
//
//   node bench/floor-read-html.js <page.html>

import { readFileSync } from 'node:fs';
import { parse } from 'parse5';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: node bench/floor-read-html.js <page.html>');
  process.exit(2);
}

const document = parse(readFileSync(file, 'utf8'));
let count = 0;
const stack = [document];
while (stack.length > 0) {
  const node = stack.pop();
  if (node.tagName === 'td' || node.tagName === 'th') count++;
  if (node.childNodes) for (const child of node.childNodes) stack.push(child);
  // <template> keeps its children in a fragment of its own.
  if (node.content) stack.push(node.content);
}
console.log(count);

#!/usr/bin/env node
// The floor of `zwgk import <workbook>`: what "exceljs reads it" costs. Loads the workbook with
// exceljs's non-streaming reader (`new ExcelJS.Workbook().xlsx.readFile`, which builds every
// worksheet, cell and merge in memory, as zwgk's reader does), then takes every cell's value once.
// Prints the number of non-empty cells (a cell covered by a merge shows its merged cell's value and
// counts too).
//
//   node bench/floor-read-xlsx.js <workbook.xlsx>

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('usage: node bench/floor-read-xlsx.js <workbook.xlsx>');
  process.exit(2);
}

const { default: ExcelJS } = await import('exceljs');
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(file);

let count = 0;
for (const sheet of workbook.worksheets) {
  sheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const value = cell.value;
      if (value !== null && value !== undefined && value !== '') count++;
    });
  });
}
console.log(count);

import * as X from 'exceljs';
console.log(Object.keys(X).slice(0,10), typeof X.Workbook, typeof X.default?.Workbook);

import { createRequire } from 'node:module';
import type ExcelJSModule from 'exceljs';
import type PDFDocumentClass from 'pdfkit';

/**
 * Libraries a request needs only to write a PDF or read a spreadsheet, loaded the first time one
 * is asked for rather than at start: together they are half a second of every start, of the server
 * as of each test process.
 */
const require = createRequire(import.meta.url);

let pdfkit: typeof PDFDocumentClass | undefined;
let exceljs: typeof ExcelJSModule | undefined;

/** pdfkit's document class (the one every document of the server is made from). */
export function pdfClass(): typeof PDFDocumentClass {
  pdfkit ??= require('pdfkit') as typeof PDFDocumentClass;
  return pdfkit;
}

/** A new pdfkit document. */
export function newPdf(options?: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  return new (pdfClass())(options);
}

/** A new, empty exceljs workbook. */
export function newWorkbook(): ExcelJSModule.Workbook {
  exceljs ??= require('exceljs') as typeof ExcelJSModule;
  return new exceljs.Workbook();
}

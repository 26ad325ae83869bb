// Node.js 20 has no node:sqlite: the server falls back to better-sqlite3, which this package
// brings. Its `engines` field makes npm skip it (and the native build) on Node.js 22 and later.
module.exports = require('better-sqlite3');

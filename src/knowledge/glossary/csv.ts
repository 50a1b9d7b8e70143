/** One parsed CSV record with the 1-based line it starts on (quoted cells may span lines). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

/** RFC 4180 reader: quoted cells, doubled quotes, CRLF or LF; a leading BOM is ignored. */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  let cellStarted = false;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '' && !cellStarted)) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    cellStarted = false;
  };
  while (i < s.length) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = s[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(line, 'unexpected character after a closing quote');
        }
        continue;
      }
      if (c === '\n') line++;
      cell += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (cell !== '') throw new CsvSyntaxError(line, 'a quote inside an unquoted cell (quote the whole cell and double the quote)');
      quoted = true;
      cellStarted = true;
      i++;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      cellStarted = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += c;
      cellStarted = true;
      i++;
    }
  }
  if (quoted) throw new CsvSyntaxError(rowLine, 'a quoted cell is never closed');
  if (cell !== '' || cells.length > 0 || cellStarted) endRow();
  return rows;
}

/** Quotes a cell only when it needs it. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

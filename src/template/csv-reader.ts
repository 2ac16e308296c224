// Rows of CSV text read as Python's csv module reads them with its default (excel) dialect, not strict:
// `"` quotes a field and `""` inside quotes is one quote, a quote inside an unquoted field is kept, text
// after a closing quote joins the field, \r\n, \r and \n end a row (not inside quotes), blank lines are [].

type State = 'startRecord' | 'startField' | 'inField' | 'inQuoted' | 'quoteInQuoted' | 'afterCr';

/** Yields each row in turn, so a search can stop at the row it needs. */
export function* csvRows(text: string, delimiter: string): Generator<string[]> {
  let row: string[] = [];
  let field = '';
  let state: State = 'startRecord';
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const newline = c === '\n' || c === '\r';
    if (state === 'afterCr') {
      state = 'startRecord';
      if (c === '\n') continue;
    }
    if (state === 'startRecord') {
      if (newline) {
        yield [];
        if (c === '\r') state = 'afterCr';
        continue;
      }
      state = 'startField';
    }
    switch (state) {
      case 'startField':
        if (c === '"') state = 'inQuoted';
        else if (c === delimiter) endField();
        else if (!newline) {
          field += c;
          state = 'inField';
        }
        break;
      case 'inField':
        if (c === delimiter) {
          endField();
          state = 'startField';
        } else if (!newline) field += c;
        break;
      case 'inQuoted':
        if (c === '"') state = 'quoteInQuoted';
        else field += c;
        break;
      case 'quoteInQuoted':
        if (c === '"') {
          field += c;
          state = 'inQuoted';
        } else if (c === delimiter) {
          endField();
          state = 'startField';
        } else if (!newline) {
          field += c;
          state = 'inField';
        }
        break;
    }
    if (newline && state !== 'inQuoted') {
      endField();
      yield row;
      row = [];
      state = c === '\r' ? 'afterCr' : 'startRecord';
    }
  }
  if (state !== 'startRecord' && state !== 'afterCr') {
    endField();
    yield row;
  }
}

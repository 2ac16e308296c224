// mysql_query's placeholders (as PyMySQL fills them for community.mysql) and how its answer is split
// per query at the marker rows.
import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from '../../../../src/modules/mysql/mysql_query/placeholders.js';
import { splitAnswers } from '../../../../src/modules/mysql/mysql_query/module.js';
import { parseXmlResults } from '../../../../src/modules/mysql/xml-rows.js';

describe('mysql_query placeholders', () => {
  it('quotes values as SQL literals', () => {
    expect(fillPlaceholders("SELECT %s, %s, %s, %s, '100%%'", ["it's", 3, null, true])).toBe("SELECT 'it\\'s', 3, NULL, 1, '100%'");
    expect(fillPlaceholders('SELECT %(a)s', undefined, { a: 'x' })).toBe("SELECT 'x'");
  });
  it('without arguments the query is left as it is (a % stays)', () => {
    expect(fillPlaceholders("SELECT '100%'")).toBe("SELECT '100%'");
  });
  it('the number of positional arguments must match, in every query', () => {
    expect(() => fillPlaceholders('SELECT 1', [1])).toThrow(/not all arguments converted/);
    expect(() => fillPlaceholders('SELECT %s, %s', [1])).toThrow(/not enough arguments/);
    expect(() => fillPlaceholders('SELECT %(b)s', undefined, { a: 1 })).toThrow(/named_args has no 'b'/);
  });
});

describe('mysql_query answers', () => {
  const m = 'ha_run_abc';
  const xml = (statement: string, rows: string[][]) =>
    `<resultset statement="${statement}">${rows.map((r) => `<row>${r.map((f) => f).join('')}</row>`).join('')}</resultset>`;
  it('rows before a marker belong to its query; affected rows from ROW_COUNT(); warnings counted', () => {
    const out = [
      xml('SELECT', [['<field name="id">7</field>', '<field name="name">007</field>']]),
      xml('marker', [[`<field name="${m}">-1</field>`, `<field name="${m}_w">0</field>`]]),
      xml('marker', [[`<field name="${m}">3</field>`, `<field name="${m}_w">0</field>`]]),
      xml('marker', [[`<field name="${m}">0</field>`, `<field name="${m}_w">1</field>`]]),
    ].join('\n');
    expect(splitAnswers(parseXmlResults(out), m)).toEqual([
      { rows: [{ id: 7, name: '007' }], rowcount: 1, warnings: 0 },
      { rows: [], rowcount: 3, warnings: 0 },
      { rows: [], rowcount: 0, warnings: 1 },
    ]);
  });
});

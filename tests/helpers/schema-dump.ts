import type { Queryable } from '../../src/db/db.ts';

/**
 * The migrated schema as text, in a stable order: tables with their columns, constraints,
 * indexes, functions and triggers. Read from the catalogue (PGlite has no pg_dump), so the
 * committed copy shows every schema change in review.
 */
export async function dumpSchema(db: Queryable): Promise<string> {
  const schema = '(SELECT current_schema())';
  const columns = await db.query<{ table_name: string; line: string }>(
    `SELECT c.relname AS table_name,
            '  ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
              || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
              || COALESCE(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
              || CASE WHEN a.attgenerated = 's' THEN ' GENERATED' ELSE '' END AS line
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = ${schema}
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
      WHERE c.relkind IN ('r', 'p')
      ORDER BY c.relname, a.attnum`,
  );
  const constraints = await db.query<{ table_name: string; line: string }>(
    `SELECT c.relname AS table_name, '  CONSTRAINT ' || k.conname || ' ' || pg_get_constraintdef(k.oid) AS line
       FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = ${schema}
      WHERE k.contype IN ('p', 'u', 'f', 'c', 'x')
      ORDER BY c.relname, k.conname`,
  );
  const indexes = await db.query<{ line: string }>(
    `SELECT regexp_replace(indexdef, ' ON \\S+\\.', ' ON ') AS line FROM pg_indexes WHERE schemaname = ${schema} ORDER BY tablename, indexname`,
  );
  const functions = await db.query<{ line: string }>(
    `SELECT 'FUNCTION ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') RETURNS ' || pg_get_function_result(p.oid) AS line
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace AND n.nspname = ${schema}
      WHERE NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.objid = p.oid AND dep.deptype = 'e')
      ORDER BY p.proname, 1`,
  );
  const triggers = await db.query<{ line: string }>(
    `SELECT regexp_replace(pg_get_triggerdef(t.oid), ' ON \\S+\\.', ' ON ') AS line
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = ${schema}
      WHERE NOT t.tgisinternal ORDER BY c.relname, t.tgname`,
  );

  const tables = new Map<string, string[]>();
  for (const row of [...columns, ...constraints]) tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.line]);
  const out = ['-- The schema after every migration. Written by `npx vitest run tests/db/schema.test.ts -u`; do not edit.', ''];
  for (const [name, lines] of [...tables].sort(([a], [b]) => a.localeCompare(b))) out.push(`TABLE ${name}`, ...lines, '');
  out.push(...indexes.map((r) => `${r.line};`), '', ...functions.map((r) => r.line), '', ...triggers.map((r) => `${r.line};`), '');
  return out.join('\n');
}

// mysql_db's arguments: community.mysql's names.
import type { ArgsSchema } from '../../types.js';
import type { LoginArgs } from '../login.js';
import { loginProperties } from '../login.js';

export interface MysqlDbArgs extends LoginArgs {
  name?: string[];
  db?: string[];
  state?: 'present' | 'absent' | 'dump' | 'import';
  encoding?: string;
  collation?: string;
  alter_nonempty?: boolean;
  target?: string;
  single_transaction?: boolean;
  quick?: boolean;
  ignore_tables?: string[];
  hex_blob?: boolean;
  force?: boolean;
  master_data?: 0 | 1 | 2;
  skip_lock_tables?: boolean;
  dump_extra_args?: string;
  chdir?: string;
  pipefail?: boolean;
}

const names = { type: 'array', items: { type: 'string' }, description: "The databases ('all' for every database with dump and import)." };

export const mysqlDbSchema: ArgsSchema = {
  type: 'object',
  description: 'Creates, removes, dumps and imports MySQL/MariaDB databases with the target\'s mysql and mysqldump clients.',
  additionalProperties: false,
  properties: {
    ...loginProperties,
    name: names,
    db: { ...names, description: 'Alias of name.' },
    state: { type: 'string', enum: ['present', 'absent', 'dump', 'import'], default: 'present', description: 'present/absent: the databases exist or not; dump writes target, import reads it (both always act).' },
    encoding: { type: 'string', description: "Character set, e.g. 'utf8'; an existing database in another one is altered." },
    collation: { type: 'string', description: "Collation, e.g. 'utf8_general_ci'; an existing database with another one is altered." },
    alter_nonempty: {
      type: 'boolean',
      default: false,
      description: "Allow changing the encoding/collation of a database that has tables (ALTER DATABASE changes only the default for new tables; the existing ones keep theirs). Without it such a drift fails the task, saying what differs.",
    },
    target: { type: 'string', description: 'The dump file to write or the file to import (.gz, .bz2, .xz, .zst are (de)compressed).' },
    single_transaction: { type: 'boolean', default: false, description: 'Dump in one transaction (mysqldump --single-transaction).' },
    quick: { type: 'boolean', default: true, description: 'mysqldump --quick.' },
    ignore_tables: { type: 'array', items: { type: 'string' }, default: [], description: "Tables left out of a dump, as 'db.table'." },
    hex_blob: { type: 'boolean', default: false, description: 'mysqldump --hex-blob.' },
    force: { type: 'boolean', default: false, description: 'Go on after SQL errors (--force).' },
    master_data: { type: 'integer', enum: [0, 1, 2], default: 0, description: 'mysqldump --master-data.' },
    skip_lock_tables: { type: 'boolean', default: false, description: 'mysqldump --skip-lock-tables.' },
    dump_extra_args: { type: 'string', description: 'More mysqldump options, as one string.' },
    chdir: { type: 'string', description: 'Directory to run the client in.' },
    pipefail: { type: 'boolean', default: false, description: 'Accepted for compatibility: a failing compressor or client always fails the task.' },
  },
  allOf: [{ description: 'name is required', anyOf: [{ required: ['name'] }, { required: ['db'] }] }],
};

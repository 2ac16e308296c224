// mysql_user's arguments: community.mysql's names.
import type { ArgsSchema } from '../../types.js';
import { loginProperties, type LoginArgs } from '../login.js';

export interface MysqlUserArgs extends LoginArgs {
  name?: string;
  user?: string;
  password?: string;
  encrypted?: boolean;
  host?: string;
  host_all?: boolean;
  priv?: string | Record<string, string>;
  append_privs?: boolean;
  subtract_privs?: boolean;
  update_password?: 'always' | 'on_create' | 'on_new_username';
  sql_log_bin?: boolean;
  state?: 'present' | 'absent';
  check_implicit_admin?: boolean;
  tls_requires?: Record<string, string | boolean | null> | null;
  resource_limits?: Record<string, number>;
  plugin?: string;
  plugin_auth_string?: string;
  plugin_hash_string?: string;
  session_vars?: Record<string, string | number | boolean>;
  column_case_sensitive?: boolean;
}

/** resource_limits' keys, as community.mysql spells them (MAX_STATEMENT_TIME: MariaDB only). */
export const LIMIT_KEYS = ['MAX_QUERIES_PER_HOUR', 'MAX_UPDATES_PER_HOUR', 'MAX_CONNECTIONS_PER_HOUR', 'MAX_USER_CONNECTIONS', 'MAX_STATEMENT_TIME'] as const;

export const mysqlUserSchema: ArgsSchema = {
  type: 'object',
  description: "Adds, changes and removes MySQL/MariaDB accounts and their privileges with the target's mysql client.",
  additionalProperties: false,
  properties: {
    ...loginProperties,
    name: { type: 'string', description: 'The user name (alias: user).' },
    user: { type: 'string', description: 'Alias of name.' },
    password: { type: 'string', description: 'Its password (compared through the server: changed only when it differs).' },
    encrypted: { type: 'boolean', default: false, description: "password is already a mysql_native_password hash ('*' and 40 hex digits)." },
    host: { type: 'string', default: 'localhost', description: "The account's host part ('%' for any)." },
    host_all: { type: 'boolean', default: false, description: 'Apply to every host the user already exists for (not when creating).' },
    priv: {
      anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }],
      description: "Privileges, e.g. 'cattle.*:ALL/*.*:REPLICATION SLAVE,REPLICATION CLIENT' or {'cattle.*': 'ALL'}; others are revoked unless append_privs.",
    },
    append_privs: { type: 'boolean', default: false, description: 'Add the privileges in priv, revoke nothing.' },
    subtract_privs: { type: 'boolean', default: false, description: 'Revoke the privileges in priv, grant nothing.' },
    update_password: {
      type: 'string',
      enum: ['always', 'on_create', 'on_new_username'],
      default: 'always',
      description: "always: set the password when it differs; on_create: only for a new account; on_new_username: only for a new user name (a new host of an existing user gets that user's password).",
    },
    sql_log_bin: { type: 'boolean', default: true, description: 'false: the changes are not written to the binary log (not replicated).' },
    state: { type: 'string', enum: ['present', 'absent'], default: 'present', description: 'Whether the account exists.' },
    tls_requires: {
      anyOf: [{ type: 'object', propertyNames: { pattern: '^([Ss][Ss][Ll]|[Xx]509|[Ss][Uu][Bb][Jj][Ee][Cc][Tt]|[Ii][Ss][Ss][Uu][Ee][Rr]|[Cc][Ii][Pp][Hh][Ee][Rr])$' }, additionalProperties: { type: ['string', 'boolean', 'null'] } }, { type: 'null' }],
      description: "TLS the account must connect with: {SSL: }, {X509: }, or any of SUBJECT, ISSUER, CIPHER with their values; {} means none. Left alone when not given.",
    },
    resource_limits: {
      type: 'object',
      propertyNames: { enum: [...LIMIT_KEYS] },
      additionalProperties: { type: 'number', minimum: 0 },
      description: 'Limits such as MAX_USER_CONNECTIONS: 10 (0 means none); MAX_STATEMENT_TIME (seconds) on MariaDB only.',
    },
    plugin: { type: 'string', description: 'The authentication plugin (mysql_native_password, unix_socket, ed25519, caching_sha2_password, pam...).' },
    plugin_auth_string: { type: 'string', description: "The plugin's secret as given to it (IDENTIFIED WITH plugin BY ..., MariaDB: USING PASSWORD(...)); for pam, the PAM service." },
    plugin_hash_string: { type: 'string', description: 'The stored authentication string (IDENTIFIED WITH plugin AS ...); wins over plugin_auth_string.' },
    session_vars: {
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'boolean'] },
      description: 'Session variables set before the changes, e.g. {wsrep_on: OFF}.',
    },
    column_case_sensitive: { type: 'boolean', default: false, description: 'false: column names in priv are compared and granted in upper case; true: as written.' },
    check_implicit_admin: { type: 'boolean', default: false, description: 'Accepted for compatibility: the client already logs in as root through the socket when no login is given.' },
  },
  allOf: [
    { description: 'name is required', anyOf: [{ required: ['name'] }, { required: ['user'] }] },
    { description: 'append_privs and subtract_privs are mutually exclusive', not: { required: ['append_privs', 'subtract_privs'], properties: { append_privs: { const: true }, subtract_privs: { const: true } } } },
  ],
};

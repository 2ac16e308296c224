// `--vault-id LABEL@SOURCE`, `--vault-password-file` and `--ask-vault-pass` as password sources.
import { describe, expect, it } from 'vitest';
import { parseVaultId, vaultIdSpecs } from '../../../src/vault/vault-id.js';

describe('vault ids', () => {
  it('LABEL@SOURCE, a bare source for the default id, `prompt` to ask', () => {
    expect(parseVaultId('prod@~/.vault-prod')).toEqual({ id: 'prod', source: '~/.vault-prod' });
    expect(parseVaultId('pass.txt')).toEqual({ id: 'default', source: 'pass.txt' });
    expect(parseVaultId('dev@prompt')).toEqual({ id: 'dev', source: 'prompt' });
  });

  it('ids first, then password files, then the prompt (once)', () => {
    expect(vaultIdSpecs({ vaultId: ['a@x'], vaultPasswordFile: ['f'], askVaultPass: true })).toEqual([
      { id: 'a', source: 'x' },
      { id: 'default', source: 'f' },
      { id: 'default', source: 'prompt' },
    ]);
    expect(vaultIdSpecs({ vaultId: ['prompt'], askVaultPass: true })).toEqual([{ id: 'default', source: 'prompt' }]);
    expect(vaultIdSpecs({})).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { mirrorInDeb822, mirrorInSourcesList } from '../../../src/lab/mirror.js';

describe('Debian mirror discovery', () => {
  it('reads the main archive URI from deb822 sources, skipping the security stanza and deb-src', () => {
    const text = `Types: deb-src
URIs: http://src.example/debian
Suites: bookworm

Types: deb
URIs: http://security.example/debian-security
Suites: bookworm-security

Types: deb
# a comment line
URIs: http://mirror.example/debian http://other.example/debian
Suites: bookworm bookworm-updates
Components: main
`;
    expect(mirrorInDeb822(text, 'bookworm')).toBe('http://mirror.example/debian');
    expect(mirrorInDeb822(text, 'trixie')).toBeUndefined();
  });

  it('reads one-line sources, with or without options', () => {
    const text = `# deb http://commented.example/debian bookworm main
deb [arch=amd64 signed-by=/k.gpg] http://mirror.example/debian bookworm main
deb http://security.example/debian-security bookworm-security main
`;
    expect(mirrorInSourcesList(text, 'bookworm')).toBe('http://mirror.example/debian');
    expect(mirrorInSourcesList('', 'bookworm')).toBeUndefined();
  });

  it('falls back to the mirror of another release (a Debian 13 machine building Debian 12 hosts), never the security one', () => {
    const deb822 = `Types: deb
URIs: http://security.example/debian-security
Suites: trixie-security

Types: deb
URIs: http://mirror.example/debian
Suites: trixie trixie-updates
`;
    expect(mirrorInDeb822(deb822, 'bookworm')).toBeUndefined();
    expect(mirrorInDeb822(deb822, /^[a-z]+$/)).toBe('http://mirror.example/debian');
    expect(mirrorInSourcesList('deb http://security.example/debian-security trixie-security main\ndeb http://m.example/debian trixie main\n', /^[a-z]+$/)).toBe(
      'http://m.example/debian',
    );
  });
});

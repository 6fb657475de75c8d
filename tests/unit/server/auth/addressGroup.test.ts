import { describe, expect, it } from 'vitest';
import { addressGroup } from '../../../../server/src/auth/attempts.ts';

// Wrong pairing codes are counted per source (server/src/http/padRelay.ts): an IPv6 /64 is one source, since a
// single host is handed a whole /64 and could otherwise try each guess from a fresh address.

describe('addressGroup', () => {
  it('groups every IPv6 address of one /64, however it is written', () => {
    const group = addressGroup('2001:db8:1:2::1');
    expect(group).toBe('2001:db8:1:2::/64');
    for (const ip of [
      '2001:db8:1:2::ffff',
      '2001:0DB8:0001:0002:ffff:ffff:ffff:ffff',
      '2001:db8:1:2:0:0:0:0',
      '2001:db8:1:2::1%eth0',
      '2001:db8:1:2::192.0.2.1',
    ]) {
      expect(addressGroup(ip), ip).toBe(group);
    }
  });

  it('keeps neighbouring /64s apart, and expands a short prefix', () => {
    expect(addressGroup('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(addressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('2001:db8::ffff:1')).toBe(addressGroup('2001:db8::1'));
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('fe80::1:2:3:4')).toBe('fe80:0:0:0::/64');
  });

  it('counts an IPv4 address as itself, also when written as IPv6', () => {
    expect(addressGroup('192.0.2.9')).toBe('192.0.2.9');
    expect(addressGroup('::ffff:192.0.2.9')).toBe('192.0.2.9');
    expect(addressGroup('::FFFF:192.0.2.9')).toBe('192.0.2.9');
    expect(addressGroup('192.0.2.10')).not.toBe(addressGroup('192.0.2.9'));
  });

  it('counts anything it cannot read as itself, never as one shared group', () => {
    for (const odd of ['', 'unknown', '1::2::3', '1:2:3', 'zz:1:2:3::', '1:2:3:4:5:6:7:8:9']) {
      expect(addressGroup(odd), odd).toBe(odd.toLowerCase());
    }
  });
});

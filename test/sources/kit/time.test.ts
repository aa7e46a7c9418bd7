import { describe, expect, it } from 'vitest';
import { TIME as DCOS } from '../../../src/sources/dcos/map.js';
import { TIME as DWS } from '../../../src/sources/dws/map.js';
import { TIME as HCI } from '../../../src/sources/hci/map.js';
import { TIME as OTESTACK } from '../../../src/sources/otestack/map.js';
import { TIME as TIEM } from '../../../src/sources/tiem/map.js';
import { type TimeRules, vendorTime } from '../../../src/sources/kit/time.js';

const RULES: Record<string, TimeRules> = { tiem: TIEM, hci: HCI, dcos: DCOS, dws: DWS, otestack: OTESTACK };

describe('vendorTime: what every vendor reads alike', () => {
  describe.each(Object.entries(RULES))('%s', (_, rules) => {
    it.each([
      ['2024-03-01T08:00:00+08:00', '2024-03-01T00:00:00.000Z'],
      ['2024-03-01T08:00:00.5+0800', '2024-03-01T00:00:00.500Z'],
      ['2024-03-01T00:00:00.987654321Z', '2024-03-01T00:00:00.987Z'],
      ['2024-03-01t00:00:00z', '2024-03-01T00:00:00.000Z'],
      // No zone is UTC; a space may stand for `T`; seconds may be left out.
      ['2024-03-01 08:00:00', '2024-03-01T08:00:00.000Z'],
      ['2024-03-01T08:00', '2024-03-01T08:00:00.000Z'],
      ['  2024-03-01T08:00:00Z ', '2024-03-01T08:00:00.000Z'],
      // Epoch seconds, as numbers or digit strings, fractions kept.
      [1709251200, '2024-03-01T00:00:00.000Z'],
      ['1709251200', '2024-03-01T00:00:00.000Z'],
      ['1709251200.25', '2024-03-01T00:00:00.250Z'],
      // Epoch milliseconds.
      [1709251200123, '2024-03-01T00:00:00.123Z'],
      ['1709251200123', '2024-03-01T00:00:00.123Z'],
    ])('reads %j as %s', (raw, iso) => expect(vendorTime(raw, rules)).toBe(iso));

    it.each([
      [null],
      [undefined],
      [''],
      ['   '],
      ['string'],
      ['yesterday'],
      ['1.5Z'],
      ['2024-03-01'],
      ['0001-01-01 00:00:00 +0000 UTC'],
      ['2024-13-01T00:00:00Z'],
      [Number.NaN],
      [Number.POSITIVE_INFINITY],
      [1e17],
      [{}],
      [true],
    ])('reads %j as no time', (raw) => expect(vendorTime(raw, rules)).toBeUndefined());
  });
});

describe('vendorTime: where vendors differ', () => {
  it.each([
    // Go's zero time: TiEM's and DC/OS's "not set"; a time like any other for DWS and OTE-stack.
    ['tiem', '0001-01-01T00:00:00Z', undefined],
    ['dcos', '0001-01-01T00:00:00Z', undefined],
    ['dws', '0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['otestack', '0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    // 0 and below: "unknown" everywhere but DWS, which has no word for "not set".
    ['tiem', 0, undefined],
    ['tiem', '0', undefined],
    ['hci', 0, undefined],
    ['hci', -5, undefined],
    ['dcos', 0, undefined],
    ['otestack', 0, undefined],
    ['otestack', -5, undefined],
    ['dws', 0, '1970-01-01T00:00:00.000Z'],
    ['dws', -5, '1969-12-31T23:59:55.000Z'],
    // Before the epoch: DC/OS alone reads it as "not set".
    ['tiem', '1969-07-20T20:17:40Z', '1969-07-20T20:17:40.000Z'],
    ['otestack', '1969-07-20T20:17:40Z', '1969-07-20T20:17:40.000Z'],
    ['dcos', '1969-07-20T20:17:40Z', undefined],
    // Between 1e11 and 1e12: milliseconds (1973) for all but HCI, whose int64s are seconds below 1e12.
    ['tiem', 123456789012, '1973-11-29T21:33:09.012Z'],
    ['dws', 123456789012, '1973-11-29T21:33:09.012Z'],
    ['hci', 123456789012, '5882-03-11T00:30:12.000Z'],
    ['hci', 1e12, '2001-09-09T01:46:40.000Z'],
  ] as const)('%s reads %j as %s', (vendor, raw, iso) => expect(vendorTime(raw, RULES[vendor])).toBe(iso));
});

describe("vendorTime: the documents' own examples", () => {
  it.each([
    // 000 TiEM: the example bodies hold placeholders; the simulator writes Go's zero time for "never".
    ['tiem', 'string', undefined],
    ['tiem', '0001-01-01T00:00:00Z', undefined],
    // 001 HCI: `ctime: 0` in the cluster list, seconds elsewhere.
    ['hci', 0, undefined],
    ['hci', 1545906480, '2018-12-27T10:28:00.000Z'],
    ['hci', 1568947728, '2019-09-20T02:48:48.000Z'],
    // 002 DC/OS: RFC 3339 in UTC.
    ['dcos', '2017-09-15T03:07:36Z', '2017-09-15T03:07:36.000Z'],
    ['dcos', '2017-08-10T03:38:30Z', '2017-08-10T03:38:30.000Z'],
    // 003 DWS: zoned, zone-less, spaced and micro-second text; milliseconds as numbers and digit strings.
    ['dws', '2018-02-10T14:28:14Z', '2018-02-10T14:28:14.000Z'],
    ['dws', '2018-01-15T12:50:06', '2018-01-15T12:50:06.000Z'],
    ['dws', '2022-10-27 08:11:29', '2022-10-27T08:11:29.000Z'],
    ['dws', '2024-05-21T09:03:41.000000', '2024-05-21T09:03:41.000Z'],
    ['dws', 1664331248330, '2022-09-28T02:14:08.330Z'],
    ['dws', '1666843740000', '2022-10-27T04:09:00.000Z'],
    // 004 OTE-stack: Unix seconds.
    ['otestack', 1551758321, '2019-03-05T03:58:41.000Z'],
    ['otestack', 1590062196, '2020-05-21T11:56:36.000Z'],
  ] as const)('%s reads %j as %s', (vendor, raw, iso) => expect(vendorTime(raw, RULES[vendor])).toBe(iso));
});

// Timeouts and intervals as Pacemaker reads them. The timeout cases are those of Pacemaker's own
// unit test of the parser (lib/common/tests/strings/pcmk__parse_ms_test.c), the interval cases
// follow pcmk_parse_interval_spec() and crm_time_parse_duration().
import { describe, expect, it } from 'vitest';
import { parsePacemakerInterval, parsePacemakerMs } from '../src/cib/durations.js';
import { parseIntervalMs } from '../src/cib/values.js';

describe('parsePacemakerMs', () => {
  it.each([
    ['100', 100_000], [' 100 ', 100_000], ['\t100\n', 100_000],
    ['100ms', 100], [' 100 ms ', 100], ['100 MSEC', 100], ['1000US', 1], ['1000usec', 1], ['1999us', 1],
    ['12s', 12_000], ['12 sec', 12_000], ['1m', 60_000], ['13 min', 780_000], ['2\th', 7_200_000], ['1 hr', 3_600_000],
    ['3.', 3000], ['  3.  ms  ', 3], ['3.14', 3000], ['3.14.159ms', 3],
    [' 100 mshr ', 100], [' 100 ms hr ', 100], [' 100 sasdf ', 100_000], [' 3.14 shour ', 3000], [' 3.14 ms!@#$ ', 3],
    ['10 seconds', 10_000], ['10 milliseconds', 600_000],
  ])('reads %j as %d ms', (input, ms) => {
    expect(parsePacemakerMs(input)?.ms).toBe(ms);
  });

  it.each(['     ', 'abcxyz', '100xs', ' 100 xs ', '3.xs', '  3.14  xs  ', 'INFINITY', 'PT30S', '.5s', '-5', '+5', '2d'])('cannot read %j', (input) => {
    expect(parsePacemakerMs(input)).toBeUndefined();
  });

  it('says which unit a word was meant to name when Pacemaker reads another', () => {
    expect(parsePacemakerMs('500 milliseconds')).toMatchObject({ unit: 'min', meant: 'ms' });
    expect(parsePacemakerMs('2 microseconds')).toMatchObject({ unit: 'min', meant: 'us' });
    expect(parsePacemakerMs('10 minutes')).not.toHaveProperty('meant');
    expect(parsePacemakerMs('10 minuten')).not.toHaveProperty('meant');
  });

  it('keeps the decimals Pacemaker drops, and only those that change the value', () => {
    expect(parsePacemakerMs('1.5min')).toMatchObject({ ms: 60_000, droppedFraction: '.5' });
    expect(parsePacemakerMs('1.0min')).not.toHaveProperty('droppedFraction');
  });
});

describe('parsePacemakerInterval', () => {
  it.each([
    ['P40S', 40_000], ['PT10S', 10_000], ['PT1M', 60_000], ['P1M', 30 * 86_400_000],
    ['PT10S/PT20S', 10_000], ['10s', 10_000], ['0', 0],
  ])('reads %j as %d ms', (input, ms) => {
    expect(parsePacemakerInterval(input)?.ms).toBe(ms);
  });

  it.each(['P', 'P 3Y', 'PX3Y', 'P3Y6M4DT12H30M5', 'P3X', 'P1.5S', 'p40s', ' PT10S', '1d', 'bad'])('cannot read %j', (input) => {
    expect(parsePacemakerInterval(input)).toBeUndefined();
  });

  // crm_simulate with Pacemaker 2.1.5: P1DT1H gives monitor key _3600000, P2D _86400000, P1W
  // _518400000, and P1D no recurring monitor at all.
  it.each([
    ['P1D', 0, 86_400_000], ['P2D', 86_400_000, 2 * 86_400_000], ['P1DT1H', 3_600_000, 90_000_000], ['P1W', 6 * 86_400_000, 7 * 86_400_000],
    ['P1Y', 0, 365 * 86_400_000], ['P2Y', 365 * 86_400_000, 730 * 86_400_000],
  ])('reads %j as %d ms (one day or year less than the %d ms it says)', (input, ms, meant) => {
    expect(parsePacemakerInterval(input)).toMatchObject({ ms, isoMeantMs: meant });
  });

  it('is what parseIntervalMs compares operations with', () => {
    expect(parseIntervalMs('10 seconds')).toBe(parseIntervalMs('PT10S'));
    expect(parseIntervalMs(undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { statusTable } from '../../src/model/status.js';

describe('statusTable', () => {
  const status = statusTable({ Running: 'RUNNING', '1': 'RUNNING', null: 'FAILED', undefined: 'FAILED' }, 'UNKNOWN');

  it('reads a vendor word as it is written, and a number as its digits', () => {
    expect(status('Running')).toBe('RUNNING');
    expect(status(1)).toBe('RUNNING');
    expect(status('running')).toBe('UNKNOWN');
    expect(status('Stopped')).toBe('UNKNOWN');
  });

  it('takes a missing word as the fallback, never as a row spelled "null" or "undefined"', () => {
    expect(status(null)).toBe('UNKNOWN');
    expect(status(undefined)).toBe('UNKNOWN');
    expect(status('null')).toBe('FAILED');
  });
});

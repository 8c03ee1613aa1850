import * as assert from 'node:assert/strict';

import { describeAge, describeExpiry, isExpiringSoon } from '../../src/domain/age';

const now = new Date('2026-06-01T12:00:00Z');
const minutes = (count: number) => new Date(now.getTime() + count * 60_000);
const days = (count: number) => minutes(count * 24 * 60);

suite('describeAge', () => {
  test('whole days, singular and plural', () => {
    assert.equal(describeAge(days(-12), now), '12 days old');
    assert.equal(describeAge(days(-1), now), '1 day old');
  });

  test('rounds down: 47 hours is 1 day', () => {
    assert.equal(describeAge(minutes(-47 * 60), now), '1 day old');
  });

  test('hours and minutes below a day', () => {
    assert.equal(describeAge(minutes(-23 * 60 - 59), now), '23 hours old');
    assert.equal(describeAge(minutes(-5), now), '5 minutes old');
    assert.equal(describeAge(minutes(0), now), 'just created');
  });

  test('a clock ahead of ours reads as just created, never negative', () => {
    assert.equal(describeAge(minutes(3), now), 'just created');
  });
});

suite('describeExpiry', () => {
  test('future expiry', () => {
    const expiry = describeExpiry(days(78), now);

    assert.equal(expiry.text, 'expires in 78 days');
    assert.equal(expiry.expired, false);
  });

  test('past expiry, even while expired is still false', () => {
    const expiry = describeExpiry(days(-3), now, false);

    assert.equal(expiry.text, 'expired 3 days ago');
    assert.equal(expiry.expired, true);
  });

  test('the flag alone marks it expired', () => {
    assert.equal(describeExpiry(days(2), now, true).expired, true);
  });

  test('the exact expiry instant counts as expired', () => {
    const expiry = describeExpiry(now, now);

    assert.equal(expiry.expired, true);
    assert.equal(expiry.text, 'expired just now');
  });

  test('hours left on the last day', () => {
    assert.equal(describeExpiry(minutes(5 * 60), now).text, 'expires in 5 hours');
  });

  test('warning below the threshold, not at it', () => {
    assert.equal(isExpiringSoon(describeExpiry(days(6), now), 7), true);
    assert.equal(isExpiringSoon(describeExpiry(minutes(7 * 24 * 60 - 1), now), 7), true);
    assert.equal(isExpiringSoon(describeExpiry(days(7), now), 7), false);
    assert.equal(isExpiringSoon(describeExpiry(days(-1), now), 7), false);
  });
});

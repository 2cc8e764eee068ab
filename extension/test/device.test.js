import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeDevice } from '../src/lib/device.js';

test('the device is named after the browser, its major version and the system', () => {
  assert.equal(describeDevice('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'),
    'Chrome 131 on Linux');
  assert.equal(describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'),
    'Firefox 133 on Windows');
  assert.equal(describeDevice('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0'),
    'Edge 131 on macOS');
  assert.equal(describeDevice(''), 'Browser');
});

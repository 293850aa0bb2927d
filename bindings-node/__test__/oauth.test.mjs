// OAuthTokenClient against the official one (razorpay 2.9.8, `razorpay/dist/oAuthTokenClient`):
//   1. parity: both clients send their token requests to one recording server; method, path,
//      Content-Type and body must be identical byte for byte, and generateAuthUrl must return
//      the identical URL;
//   2. validations: the same parameters are refused with the same { field: message } verdict,
//      and nothing is sent;
//   3. both clients run the whole flow (code → tokens → refresh → revoke) against the
//      razorpay-sandbox's token endpoints (`/auth/token`, `/auth/revoke`).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'

import { kit, startSandbox, assertRejectsCode, assertThrowsCode } from './helpers.mjs'

const require = createRequire(import.meta.url)
const OfficialOAuth = require('razorpay/dist/oAuthTokenClient')

const CLIENT_ID = '8DXCMTshWSWECc'
const CLIENT_SECRET = 'oauth_client_secret_parity'

/** A server recording every request, answering with a token response. */
async function recorder() {
  const seen = []
  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) })
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ access_token: 'at', token_type: 'Bearer' }))
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    seen,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

function clients(baseUrl) {
  const official = new OfficialOAuth()
  official.rq.defaults.baseURL = baseUrl
  const ours = new kit.OAuthTokenClient({ baseUrl })
  return { official, ours }
}

/** What must match: method, path, Content-Type, Authorization (none), body bytes. */
function comparable(request) {
  return {
    method: request.method,
    url: request.url,
    contentType: request.headers['content-type'],
    authorization: request.headers.authorization,
    body: request.body.toString('utf8'),
  }
}

const TOKEN_CALLS = [
  ['getAccessToken', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'authorization_code',
    redirect_uri: 'https://example.com/razorpay_callback', code: 'def50200d844dc80cc44dce2c665d07a374d76802', mode: 'test' }],
  ['getAccessToken', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'authorization_code',
    redirect_uri: 'https://example.com/cb?x=é', code: 'c "quoted" \\ \u0001', future_field: { nested: [1, 2.5, null] } }],
  ['refreshToken', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'refresh_token', refresh_token: 'def5020096e1c470c901d34cd60fa53abdaf3662sa' }],
  ['revokeToken', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, token_type_hint: 'access_token', token: 'eyJ0eXAiOiJKV1Qi' }],
  ['revokeToken', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, token_type_hint: 'refresh_token', token: 'def50200' }],
]

test('every token call sends the identical request', async () => {
  const server = await recorder()
  try {
    const { official, ours } = clients(server.url)
    let identical = 0
    for (const [method, params] of TOKEN_CALLS) {
      const before = server.seen.length
      const theirs = await official[method](params)
      const mine = await ours[method](params)
      assert.deepEqual(mine, theirs, `${method}: the same answer`)
      const [a, b] = server.seen.slice(before)
      assert.ok(a && b, `${method}: both clients sent a request`)
      assert.deepEqual(comparable(b), comparable(a), `${method} ${JSON.stringify(params)}`)
      identical += 1
    }
    console.log(`${identical} of ${TOKEN_CALLS.length} OAuth token calls send identical requests`)
  } finally {
    await server.close()
  }
})

test('generateAuthUrl returns the identical URL', () => {
  const base = 'https://auth.razorpay.com'
  const official = new OfficialOAuth()
  const ours = new kit.OAuthTokenClient()
  const cases = [
    { client_id: CLIENT_ID, response_type: 'code', redirect_uri: 'https://example.com/razorpay_callback', scope: 'read_write', state: 'NOBYtv8r6c75ex6WZ' },
    { client_id: CLIENT_ID, response_type: 'code', redirect_uri: 'https://example.com/cb?a=1&b=c d', scope: ['read_only', 'read_write'],
      state: 'a&b=c é/?#', onboarding_signature: kit.generateOnboardingSignature({ submerchant_id: 'acc_1' }, CLIENT_SECRET), '7': 'integer-like key' },
    { client_id: 12345, response_type: 'code', redirect_uri: 'https://e.com', scope: [], state: true, extra: null },
  ]
  for (const params of cases) {
    const url = official.generateAuthUrl(params)
    assert.equal(typeof url, 'string')
    assert.ok(url.startsWith(`${base}/authorize?`))
    assert.equal(ours.generateAuthUrl(params), url)
  }
})

test('the same parameters are refused with the same messages, and nothing is sent', async () => {
  const server = await recorder()
  try {
    const { official, ours } = clients(server.url)
    const authCases = [
      {},
      { client_id: 'acc_not_valid_id', response_type: 'code', redirect_uri: 'not a url', scope: ' ', state: 's' },
      { client_id: CLIENT_ID, response_type: '\t', redirect_uri: 'https://e.com', scope: 'read_only', state: '' },
    ]
    for (const params of authCases) {
      const verdict = official.generateAuthUrl(params)
      assert.equal(typeof verdict, 'object')
      const error = assertThrowsCode(() => ours.generateAuthUrl(params), 'OAUTH_INVALID_PARAMS')
      assert.deepEqual({ ...error.errors }, verdict)
      for (const [field, message] of Object.entries(verdict)) assert.equal(error[field], message)
    }
    const tokenCases = [
      ['getAccessToken', {}],
      ['getAccessToken', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'password', redirect_uri: 'https://e.com', code: 'c' }],
      ['getAccessToken', { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'authorization_code', redirect_uri: '/relative', code: 'c' }],
      ['refreshToken', { client_id: '', client_secret: CLIENT_SECRET, grant_type: 'refresh_token' }],
      ['revokeToken', { client_id: CLIENT_ID, client_secret: ' ', token_type_hint: 'access_token' }],
    ]
    for (const [method, params] of tokenCases) {
      const verdict = await official[method](params).then(
        () => assert.fail(`${method}: the official client accepted ${JSON.stringify(params)}`),
        (errors) => errors,
      )
      const error = await assertRejectsCode(ours[method](params), 'OAUTH_INVALID_PARAMS')
      assert.deepEqual({ ...error.errors }, verdict, `${method} ${JSON.stringify(params)}`)
      // `code` stays the error's code; the field's message is in `errors.code`.
      for (const [field, message] of Object.entries(verdict)) if (field !== 'code') assert.equal(error[field], message)
      assert.ok(!error.message.includes(CLIENT_SECRET), 'no secret in the message')
    }
    assert.equal(server.seen.length, 0, 'a refused call sends nothing')
  } finally {
    await server.close()
  }
})

test('both clients run code → tokens → refresh → revoke against the sandbox', async () => {
  const sandbox = await startSandbox()
  try {
    const { official, ours } = clients(`${sandbox.url}/auth`)
    for (const [name, client] of [['official', official], ['ours', ours]]) {
      const code = `code_${name}`
      const exchange = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'authorization_code',
        redirect_uri: 'https://example.com/razorpay_callback', code, mode: 'test' }
      const tokens = await client.getAccessToken(exchange)
      assert.equal(tokens.token_type, 'Bearer', name)
      assert.match(tokens.razorpay_account_id, /^acc_[0-9A-Za-z]{14}$/)
      for (const key of ['public_token', 'access_token', 'refresh_token']) assert.equal(typeof tokens[key], 'string')
      assert.equal(typeof tokens.expires_in, 'number')

      // A code is single-use: the second exchange is Razorpay's 400 on both.
      const reuse = await client.getAccessToken(exchange).then(() => null, (error) => error)
      assert.equal(reuse.statusCode, 400, name)
      assert.equal(reuse.error.code, 'BAD_REQUEST_ERROR')

      const refreshed = await client.refreshToken({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET,
        grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
      assert.equal(refreshed.razorpay_account_id, tokens.razorpay_account_id)
      assert.notEqual(refreshed.access_token, tokens.access_token)

      const revoke = { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, token_type_hint: 'access_token', token: refreshed.access_token }
      assert.deepEqual(await client.revokeToken(revoke), { message: 'Token Revoked' })
      const again = await client.revokeToken(revoke).then(() => null, (error) => error)
      assert.equal(again.statusCode, 400, name)
    }

    // Ours also settles a node-style callback, as the official methods do.
    const viaCallback = await new Promise((resolve) => {
      ours.getAccessToken({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'authorization_code',
        redirect_uri: 'https://example.com/cb', code: 'code_callback' }, (err, data) => resolve({ err, data }))
    })
    assert.equal(viaCallback.err, null)
    assert.equal(viaCallback.data.token_type, 'Bearer')
    const failure = await ours.refreshToken({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, grant_type: 'refresh_token', refresh_token: 'unknown' })
      .then(() => null, (error) => error)
    assert.ok(failure instanceof Error)
    assert.equal(failure.code, 'BAD_REQUEST')
  } finally {
    await sandbox.stop()
  }
})

test('configuration is checked: client secrets never go over plain http to another host', () => {
  assertThrowsCode(() => new kit.OAuthTokenClient({ baseUrl: 'http://auth.example.com' }), 'INVALID_CONFIG')
  assertThrowsCode(() => new kit.OAuthTokenClient({ timeouts: { request: 0 } }), 'INVALID_CONFIG')
  assertThrowsCode(() => new kit.OAuthTokenClient({ unknownOption: 1 }), 'ERR_INVALID_ARG_VALUE', TypeError)
  assertThrowsCode(() => new kit.OAuthTokenClient().generateAuthUrl('client_id=x'), 'ERR_INVALID_ARG_TYPE', TypeError)
})

// Shared helpers for the node:test suites: paths, fixtures, and the module under test.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import assert from 'node:assert/strict'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))

/** The package under test, loaded exactly as a user would (`require('@checkout-kit/node')`). */
export const kit = require('../index.js')
/** The official `razorpay` npm package (devDependency), for drop-in comparisons. */
export const Razorpay = require('razorpay')
export const officialUtils = require('razorpay/dist/utils/razorpay-utils')

/** The repository root (bindings-node/..). */
export const repoRoot = resolve(here, '..', '..')
/** Public fixtures: the repository's `fixtures/` (or `CHECKOUT_KIT_FIXTURES`). */
export const fixturesDir = process.env.CHECKOUT_KIT_FIXTURES ?? resolve(repoRoot, 'fixtures')

export function fixture(relative) {
  return readFileSync(join(fixturesDir, relative))
}

export function fixtureJson(relative) {
  return JSON.parse(fixture(relative).toString('utf8'))
}

/** Asserts that `fn` throws a real JS error of `type` carrying `code`. */
export function assertThrowsCode(fn, code, type = Error) {
  let thrown
  try {
    fn()
  } catch (e) {
    thrown = e
  }
  assert.ok(thrown, `expected a throw with code ${code}`)
  assert.ok(thrown instanceof type, `expected ${type.name}, got ${thrown?.constructor?.name}: ${thrown?.message}`)
  assert.equal(thrown.code, code, thrown.message)
  return thrown
}

/** Asserts that a promise rejects with an Error carrying `code`. */
export async function assertRejectsCode(promise, code) {
  let thrown
  try {
    await promise
  } catch (e) {
    thrown = e
  }
  assert.ok(thrown, `expected a rejection with code ${code}`)
  assert.ok(thrown instanceof Error, `expected an Error, got ${typeof thrown}: ${JSON.stringify(thrown)}`)
  assert.equal(thrown.code, code, thrown.message)
  return thrown
}

/** The razorpay-sandbox binary built by cargo (`RAZORPAY_SANDBOX_BIN` overrides). */
export function sandboxBinary() {
  if (process.env.RAZORPAY_SANDBOX_BIN) return process.env.RAZORPAY_SANDBOX_BIN
  const targetDir = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(repoRoot, 'target')
  return join(targetDir, 'debug', process.platform === 'win32' ? 'razorpay-sandbox.exe' : 'razorpay-sandbox')
}

/**
 * Starts `razorpay-sandbox --port 0` and resolves once it prints its URL.
 * Returns { url, keyId, keySecret, webhookSecret, control(path, body?), official(), stop() };
 * `official()` is the official `razorpay` package pointed at this sandbox (its base URL is not a
 * constructor option, so it is set on the package's axios instance).
 */
export async function startSandbox(extraArgs = []) {
  const { spawn } = await import('node:child_process')
  const keyId = 'rzp_test_nodebinding'
  const keySecret = 'node_binding_key_secret'
  const webhookSecret = 'node_binding_webhook_secret'
  const child = spawn(
    sandboxBinary(),
    ['--port', '0', '--key-id', keyId, '--key-secret', keySecret, '--webhook-secret', webhookSecret, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await new Promise((resolvePromise, reject) => {
    let buffered = ''
    const timer = setTimeout(() => reject(new Error(`razorpay-sandbox did not start: ${buffered}`)), 15000)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`razorpay-sandbox exited with ${code}: ${buffered}`))
    })
    child.stdout.on('data', (chunk) => {
      buffered += chunk
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(buffered)
      if (match) {
        clearTimeout(timer)
        child.removeAllListeners('exit')
        resolvePromise(match[1])
      }
    })
  })
  child.stdout.resume()
  async function control(path, body, method = body === undefined ? 'GET' : 'POST') {
    const response = await fetch(`${url}/sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : null }
  }
  return {
    url,
    keyId,
    keySecret,
    webhookSecret,
    control,
    official() {
      const official = new Razorpay({ key_id: keyId, key_secret: keySecret })
      official.api.rq.defaults.baseURL = url
      return official
    },
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop()
        child.once('exit', () => resolveStop())
        child.kill('SIGTERM')
      }),
  }
}

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
/** Public fixtures: `../shared/fixtures` relative to the repository root. */
export const fixturesDir = resolve(repoRoot, '..', 'shared', 'fixtures')

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

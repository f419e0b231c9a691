/** @module Barrel for every schema luoshi validates against. */
export * from './policy/index.ts'

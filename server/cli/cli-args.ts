/** @module Reading `luoshi` arguments and refusing with a message in both languages. */

/** The value after a flag (`--data x`) or in it (`--data=x`). */
export function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  if (index >= 0) return args[index + 1]
  return args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1)
}

/** The arguments that are neither flags nor the value of one of `valued` (flags that take one). */
export function positional(args: string[], valued: string[]): string[] {
  return args.filter(
    (arg, index) => !arg.startsWith('--') && !valued.includes(args[index - 1] ?? ''),
  )
}

/** Prints a refusal, Chinese first, on stderr; returns exit code 1. */
export function refuse(zh: string, en: string): number {
  console.error(`✗ ${zh}\n  ${en}`)
  return 1
}

/** An error's message, for a refusal (no stack trace). */
export const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error)

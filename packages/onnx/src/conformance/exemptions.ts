// Backend test cases that cannot pass by construction, with the reason reported as UNSUPPORTED.

const EXEMPT: readonly (readonly [RegExp, string])[] = [
  [/^test_training_dropout/, "training-mode dropout outputs come from a random generator: not reproducible"],
];

/** The reason a case is exempt, or undefined. */
export function exemption(caseName: string): string | undefined {
  return EXEMPT.find(([re]) => re.test(caseName))?.[1];
}

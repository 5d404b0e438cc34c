/**
 * The userData folder: the one `--user-data-dir` names when it is given (tests, a second profile), else the
 * data directory `avcm` uses too, so the app and the command share profiles.
 */
export function userDataPath(input: {
  readonly hasUserDataSwitch: boolean
  readonly electronPath: string
  readonly sharedDataDir: string
}): string {
  return input.hasUserDataSwitch ? input.electronPath : input.sharedDataDir
}

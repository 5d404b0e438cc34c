import { takeBuildSnapshot } from './lib/build-snapshot'

/** Before any benchmark: a private copy of the build; after the last one, its removal. */
export default function globalSetup(): () => void {
  return takeBuildSnapshot()
}

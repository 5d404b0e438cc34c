import pkg from '../../package.json' with { type: 'json' }

/** The app's display name; also the name of its data directory, shared by the Electron app and `avcm`. */
export const APP_NAME = pkg.productName

/** The app's version, from package.json. */
export const APP_VERSION = pkg.version

/** The User-Agent sent with every api.video request. */
export const USER_AGENT = `apivideo-credential-manager/${pkg.version} (${process.platform}; node ${process.versions.node})`

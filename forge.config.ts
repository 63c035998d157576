// Electron Forge: packaging (asar, fuses), installers and the Vite builds of main, preload and renderer.
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

const executableName = 'subventii-ong';

export default {
  packagerConfig: {
    asar: true,
    name: executableName,
    executableName,
    appBundleId: 'ro.dasmcluj.subventiiong',
    win32metadata: {
      CompanyName: 'DASM Cluj-Napoca',
      ProductName: 'Subvenții ONG',
      FileDescription: 'Subvenții ONG',
    },
  },
  makers: [
    new MakerSquirrel({ name: 'subventii_ong' }),
    new MakerZIP({}, ['win32', 'linux', 'darwin']),
    new MakerDeb({
      options: {
        name: executableName,
        // The packaged binary; electron-installer-debian would otherwise look for the npm name.
        bin: executableName,
        productName: 'Subvenții ONG',
        categories: ['Office'],
        maintainer: 'DASM Cluj-Napoca',
      },
    }),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    // Fuses are flipped in the Electron binary at package time, before code signing.
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // The renderer is served from app://, never from file://.
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
} satisfies ForgeConfig;

// In the portable build, in place of ../assets.ts: the shipped files are copies embedded in the file.
import { FILES } from 'zwgk:embedded-assets';
import type * as Installed from '../assets.js';

export const assetFile: typeof Installed.assetFile = () => undefined;

export const readAssetText: typeof Installed.readAssetText = (relative) => {
  const text = FILES.get(relative);
  if (text === undefined) throw new Error(`zwgk.mjs does not hold ${relative}`);
  return text;
};

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the same signature as the installed package's
export const readJsonAsset: typeof Installed.readJsonAsset = <T>(relative: string) =>
  JSON.parse(readAssetText(relative)) as T;

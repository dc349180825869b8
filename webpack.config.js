/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Builds the shared runtime: one page (`taskpane.html`) hosts both the custom functions
 * (`functions.js`) and the task pane (`taskpane.js`). `functions.json` is generated from the
 * adapters' JSDoc by custom-functions-metadata-plugin, and `functions.nl.json` is derived from
 * it with the Dutch help texts (`src/functions/metadata.nl.json`).
 */
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { sources } = require('webpack');

const DEV_PORT = 3000;
const { DEV_ORIGIN, baseUrl, productionManifest } = require('./scripts/production-manifest.js');
/** Adapter files: one per custom function. Their JSDoc is the declaration. */
const adapterFiles = fs
  .readdirSync(path.join(__dirname, 'src/functions'))
  .filter((f) => f.endsWith('.fn.ts'))
  .sort()
  .map((f) => `./src/functions/${f}`);

/**
 * Emits functions.nl.json (Dutch descriptions) and functions.html (the help page) next to
 * functions.json, gives every function a `helpUrl` (its section of functions.html under `base`),
 * and writes manifest.xml for `base` (https://localhost:3000 unless `--env url=` was given).
 */
class DutchMetadataPlugin {
  constructor(base = DEV_ORIGIN) {
    this.base = base;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('DutchMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'DutchMetadataPlugin', stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset('functions.json');
          if (!asset) return;
          const catalogueFile = path.join(__dirname, 'src/functions/metadata.nl.json');
          compilation.fileDependencies.add(catalogueFile);
          const localize = require('./scripts/localize-metadata.js');
          const functionsHelp = require('./scripts/functions-help.js');
          const nl = JSON.parse(fs.readFileSync(catalogueFile, 'utf8'));
          const en = JSON.parse(asset.source.source().toString());
          const localized = localize(en, nl);
          const withHelp = (m) => JSON.stringify(functionsHelp.withHelpUrls(m, this.base), null, 2);
          compilation.updateAsset('functions.json', new sources.RawSource(withHelp(en)));
          compilation.emitAsset('functions.nl.json', new sources.RawSource(withHelp(localized)));
          // The help page the pane links to, built from the same metadata Excel shows.
          compilation.emitAsset('functions.html', new sources.RawSource(functionsHelp(en, localized)));
          const manifestFile = path.join(__dirname, 'manifest.xml');
          compilation.fileDependencies.add(manifestFile);
          const xml = fs.readFileSync(manifestFile, 'utf8');
          compilation.emitAsset(
            'manifest.xml',
            new sources.RawSource(this.base === DEV_ORIGIN ? xml : productionManifest(xml, this.base)),
          );
        },
      );
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  // `npm run build -- --env url=https://host/path`: the production manifest and help URLs.
  const base = env.url ? baseUrl(env.url) : DEV_ORIGIN;
  return {
    // Office's WebView2 / Safari / Chromium hosts run ES2020: webpack's runtime then uses
    // globalThis instead of its `new Function("return this")` shim (the CSP forbids eval).
    target: ['web', 'es2020'],
    // No eval-based source maps: the pane runs under a CSP without 'unsafe-eval'.
    devtool: 'source-map',
    entry: {
      functions: './src/functions/index.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: 'tsconfig.json',
              // ES modules for tree shaking; typecheck runs separately (`npm run typecheck`).
              transpileOnly: true,
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: adapterFiles }),
      new DutchMetadataPlugin(base),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
        chunksSortMode: 'manual',
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: 'assets/*.png', to: 'assets/[name][ext]' }],
      }),
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await require('office-addin-dev-certs').getHttpsServerOptions() },
          static: { directory: path.join(__dirname, 'dist') },
          client: false,
          hot: false,
          liveReload: false,
        }
      : undefined,
    optimization: dev ? {} : { splitChunks: false },
  };
};

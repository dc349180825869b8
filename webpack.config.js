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
/** Adapter files: one per custom function. Their JSDoc is the declaration. */
const adapterFiles = fs
  .readdirSync(path.join(__dirname, 'src/functions'))
  .filter((f) => f.endsWith('.fn.ts'))
  .sort()
  .map((f) => `./src/functions/${f}`);

/** Emits functions.nl.json (Dutch descriptions) and functions.html (the help page) next to functions.json. */
class DutchMetadataPlugin {
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
          const nl = JSON.parse(fs.readFileSync(catalogueFile, 'utf8'));
          const en = JSON.parse(asset.source.source().toString());
          const localized = localize(en, nl);
          compilation.emitAsset(
            'functions.nl.json',
            new sources.RawSource(JSON.stringify(localized, null, 2)),
          );
          // The help page the pane links to, built from the same metadata Excel shows.
          const functionsHelp = require('./scripts/functions-help.js');
          compilation.emitAsset('functions.html', new sources.RawSource(functionsHelp(en, localized)));
        },
      );
    });
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
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
      new DutchMetadataPlugin(),
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

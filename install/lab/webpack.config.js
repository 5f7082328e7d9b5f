// Builds the lessons' JupyterLab into ./build (this file is copied to target/lab/ by install/lab/build
// and runs there, beside node_modules). Development mode without source maps: minifying the ~10 MB
// of JupyterLab costs minutes on two cores and saves nothing on a page served from 127.0.0.1.
const crypto = require('crypto');
const path = require('path');
const webpack = require('webpack');
const { Build } = require('@jupyterlab/builder');
const { jupyterlab } = require('./package.json');

// Node 17+ (OpenSSL 3) has no md4, the default hash of the loader-utils that file names of CSS assets
// go through; sha256 names them just as well.
const createHash = crypto.createHash;
crypto.createHash = (algorithm, ...rest) => createHash(algorithm === 'md4' ? 'sha256' : algorithm, ...rest);

const output = path.join(__dirname, 'build');

// Copies each plugin's settings schemas to build/schemas and writes build/style.js (every plugin's
// CSS); returns one more webpack config per theme, built to build/themes.
const themes = Build.ensureAssets({
  packageNames: jupyterlab.extensions,
  output,
  hashFunction: 'sha256',
});

module.exports = [
  {
    entry: './index.js',
    output: { path: output, filename: 'bundle.js', hashFunction: 'sha256' },
    mode: 'development',
    devtool: false,
    bail: true,
    module: {
      rules: [
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
        // Icons: a data URI inside CSS, the SVG text inside JavaScript (LabIcon parses it).
        { test: /\.svg$/, issuer: /\.css$/, use: { loader: 'svg-url-loader', options: { encoding: 'none', limit: 10000 } } },
        { test: /\.svg$/, issuer: /\.js$/, type: 'asset/source' },
        { test: /\.(png|jpg|gif|woff2?|ttf|eot)$/, type: 'asset' },
        { test: /\.md$/, type: 'asset/source' },
      ],
    },
    resolve: { fallback: { path: require.resolve('path-browserify') } },
    plugins: [
      // Some of JupyterLab's dependencies read process.env or process.cwd(); a browser has neither.
      new webpack.DefinePlugin({ 'process.env': '{}', process: { cwd: () => '/' } }),
    ],
    performance: { hints: false },
  },
].concat(themes);

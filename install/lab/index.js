// The lessons' JupyterLab: the JupyterLab 3.6 application assembled from its npm packages, served by
// Debian's jupyter_server and jupyterlab_server (lab_app.py). The plugins below are the ones a student
// needs: notebooks, the file browser, a console, completion, the inspector, the table of contents and
// the standard renderers (HTML, SVG, images, Markdown, JSON). No terminal: every command goes through
// the Docker kernel.
import { JupyterLab } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';

// Chunks and assets load from the server's static URL, known only once the page config is read.
// eslint-disable-next-line no-undef
__webpack_public_path__ = PageConfig.getOption('fullStaticUrl') + '/';

// build/style.js imports every plugin's CSS; @jupyterlab/builder writes it (webpack.config.js).
const styles = import('./build/style.js');

// Keep in step with "jupyterlab.extensions" in package.json: that list tells the build which
// packages' settings schemas and themes to copy; this one which plugins to start.
const plugins = [
  import('@jupyterlab/application-extension'),
  import('@jupyterlab/apputils-extension'),
  import('@jupyterlab/celltags-extension'),
  import('@jupyterlab/codemirror-extension'),
  import('@jupyterlab/completer-extension'),
  import('@jupyterlab/console-extension'),
  import('@jupyterlab/docmanager-extension'),
  import('@jupyterlab/filebrowser-extension'),
  import('@jupyterlab/fileeditor-extension'),
  import('@jupyterlab/imageviewer-extension'),
  import('@jupyterlab/inspector-extension'),
  import('@jupyterlab/launcher-extension'),
  import('@jupyterlab/mainmenu-extension'),
  import('@jupyterlab/markdownviewer-extension'),
  import('@jupyterlab/notebook-extension'),
  import('@jupyterlab/rendermime-extension'),
  import('@jupyterlab/running-extension'),
  import('@jupyterlab/settingeditor-extension'),
  import('@jupyterlab/shortcuts-extension'),
  import('@jupyterlab/statusbar-extension'),
  import('@jupyterlab/theme-light-extension'),
  import('@jupyterlab/toc-extension'),
  import('@jupyterlab/tooltip-extension'),
  import('@jupyterlab/translation-extension'),
  import('@jupyterlab/ui-components-extension'),
];

// Renderers beyond the standard ones (HTML, SVG, PNG/JPEG/GIF, Markdown, LaTeX-free text) that
// @jupyterlab/rendermime always has: JSON as a tree, for `docker inspect`.
const mimePlugins = [import('@jupyterlab/json-extension')];

window.addEventListener('load', async () => {
  await styles;
  const lab = new JupyterLab({ mimeExtensions: await Promise.all(mimePlugins) });
  lab.registerPluginModules(await Promise.all(plugins));
  // The browser tests drive the application through its command registry and notebook model;
  // the launcher exposes it only when asked (--expose-app).
  if (PageConfig.getOption('exposeAppInBrowser') === 'true') {
    window.jupyterapp = lab;
  }
  await lab.start();
  await lab.restored;
});

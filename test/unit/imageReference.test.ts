import * as assert from 'node:assert/strict';

import {
  DEFAULT_IMAGE_TEMPLATE,
  digestReference,
  encodedPackageName,
  imageName,
  imageReference,
  isRepositoryPath,
  parseImageName,
  pullCommand,
} from '../../src/domain/imageReference';

const PARTS = { registry: 'ghcr.io', owner: 'WordPress', repo: 'Openverse', service: 'api' };

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

suite('image reference', () => {
  suite('imageName', () => {
    test('fills the default template and lower-cases the result', () => {
      assert.equal(imageName(DEFAULT_IMAGE_TEMPLATE, PARTS), 'ghcr.io/wordpress/openverse-api');
    });

    test('uses the default template for an empty or blank setting', () => {
      assert.equal(imageName('  ', PARTS), 'ghcr.io/wordpress/openverse-api');
    });

    test('puts the registry in front of a template that names none', () => {
      assert.equal(imageName('${owner}/${service}', PARTS), 'ghcr.io/wordpress/api');
    });

    test('keeps a registry host written into the template', () => {
      assert.equal(
        imageName('registry.example/${owner}/${service}', PARTS),
        'registry.example/wordpress/api',
      );
    });

    test('fills every occurrence of a placeholder', () => {
      assert.equal(
        imageName('${registry}/${owner}/${service}/${service}', PARTS),
        'ghcr.io/wordpress/api/api',
      );
    });
  });

  suite('parseImageName', () => {
    test('splits a name into registry host, repository path, owner and package', () => {
      assert.deepEqual(parseImageName('ghcr.io/wordpress/openverse-api'), {
        registry: 'ghcr.io',
        repository: 'wordpress/openverse-api',
        owner: 'wordpress',
        packageName: 'openverse-api',
      });
    });

    test('keeps the path after the owner as the package name, slashes included', () => {
      const location = parseImageName('ghcr.io/acme/tools/api');

      assert.equal(location?.packageName, 'tools/api');
      assert.equal(location?.repository, 'acme/tools/api');
    });

    test('reads a registry with a port, as the loopback test server has', () => {
      assert.equal(parseImageName('127.0.0.1:49152/acme/widgets-api')?.registry, '127.0.0.1:49152');
    });

    test('drops a tag or digest suffix', () => {
      assert.equal(parseImageName('ghcr.io/acme/api:v2.4.2')?.packageName, 'api');
      assert.equal(parseImageName(`ghcr.io/acme/api@${DIGEST}`)?.packageName, 'api');
      assert.equal(parseImageName(`127.0.0.1:5000/acme/api:latest@${DIGEST}`)?.repository, 'acme/api');
    });

    test('lower-cases the name', () => {
      assert.equal(parseImageName('GHCR.io/WordPress/Openverse-API')?.repository, 'wordpress/openverse-api');
    });

    test('refuses a name without a registry host, an owner or a package', () => {
      assert.equal(parseImageName('wordpress/openverse-api'), undefined);
      assert.equal(parseImageName('ghcr.io/wordpress'), undefined);
      assert.equal(parseImageName(''), undefined);
    });

    test('refuses components that would change the URL they are put in', () => {
      assert.equal(parseImageName('ghcr.io/acme/../api'), undefined);
      assert.equal(parseImageName('ghcr.io/acme/api?x=1'), undefined);
      assert.equal(parseImageName('ghcr.io/acme/api#frag'), undefined);
      assert.equal(parseImageName('ghcr.io/acme//api'), undefined);
      assert.equal(parseImageName('user@evil.example/acme/api'), undefined);
    });
  });

  test('isRepositoryPath accepts owner/package paths only', () => {
    assert.ok(isRepositoryPath('acme/tools/api'));
    assert.ok(isRepositoryPath('acme/ingestion_server'));
    assert.equal(isRepositoryPath('api'), false);
    assert.equal(isRepositoryPath('acme/API'), false);
    assert.equal(isRepositoryPath('acme/api/'), false);
  });

  test('encodes a package name with a slash as one path segment', () => {
    assert.equal(encodedPackageName('tools/api'), 'tools%2Fapi');
    assert.equal(encodedPackageName('openverse-api'), 'openverse-api');
  });

  test('builds tag and digest references and the pull command', () => {
    const name = 'ghcr.io/wordpress/openverse-api';

    assert.equal(imageReference(name, 'v2.4.2'), 'ghcr.io/wordpress/openverse-api:v2.4.2');
    assert.equal(digestReference(name, DIGEST), `ghcr.io/wordpress/openverse-api@${DIGEST}`);
    assert.equal(pullCommand(digestReference(name, DIGEST)), `docker pull ${name}@${DIGEST}`);
  });
});

suite('imageName with a registry host in the template', () => {
  const parts = { registry: 'ghcr.io', owner: 'Acme', repo: 'widgets', service: 'api' };

  test('a host with a port or localhost is kept, not prefixed with the GitHub registry', () => {
    assert.equal(imageName('localhost:5000/${service}', parts), 'localhost:5000/api');
    assert.equal(imageName('localhost/${owner}/${service}', parts), 'localhost/acme/api');
    assert.equal(imageName('quay.io/${owner}/${repo}-${service}', parts), 'quay.io/acme/widgets-api');
    assert.equal(imageName('${owner}/${service}', parts), 'ghcr.io/acme/api');
  });
});

/**
 * The reference workflow pair, as files in the repository: a CI workflow that builds one image
 * artifact per service, and an on-demand workflow that pushes one of those artifacts to GHCR.
 */

import { CI_WORKFLOW_FILE, IMAGE_SERVICES, PUBLISH_WORKFLOW_FILE } from './scenarioRules';

export const WORKFLOWS_FOLDER = '.github/workflows';

export const CI_WORKFLOW_NAME = 'CI + CD';

export const PUBLISH_WORKFLOW_NAME = 'Publish Docker images on-demand';

const serviceList = IMAGE_SERVICES.join(', ');

export const CI_WORKFLOW_YAML = `name: ${CI_WORKFLOW_NAME}

on:
  push:
  pull_request:

jobs:
  build-images:
    name: Build image \${{ matrix.image }}
    runs-on: ubuntu-latest
    strategy:
      matrix:
        image: [${serviceList}]
    steps:
      - uses: actions/checkout@v4
      - name: Build and save the image
        run: |
          docker build -t openverse-\${{ matrix.image }} \${{ matrix.image }}
          docker save openverse-\${{ matrix.image }} -o /tmp/\${{ matrix.image }}.tar
      - name: Upload the image
        uses: actions/upload-artifact@v4
        with:
          name: \${{ matrix.image }}
          path: /tmp/\${{ matrix.image }}.tar

  test:
    runs-on: ubuntu-latest
    needs: build-images
    steps:
      - uses: actions/checkout@v4
      - run: just test
      - name: Upload the logs
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: logs
          path: logs/
`;

export const PUBLISH_WORKFLOW_YAML = `name: ${PUBLISH_WORKFLOW_NAME}

on:
  workflow_dispatch:
    inputs:
      image:
        type: choice
        options:
${IMAGE_SERVICES.map((service) => `          - ${service}`).join('\n')}
        required: true
        description: The image to publish.
      commit:
        type: string
        required: true
        description: The commit whose CI artifact to push.

permissions:
  packages: write
  actions: read

jobs:
  push:
    runs-on: ubuntu-latest
    steps:
      - name: Find the CI run of the commit
        id: run
        env:
          GH_TOKEN: \${{ github.token }}
        run: |
          id=$(gh run list --workflow ${CI_WORKFLOW_FILE} --commit \${{ inputs.commit }} --status success --json databaseId --jq '.[0].databaseId')
          echo "id=$id" >> "$GITHUB_OUTPUT"
      - name: Download the image artifact
        uses: actions/download-artifact@v4
        with:
          name: \${{ inputs.image }}
          github-token: \${{ github.token }}
          run-id: \${{ steps.run.outputs.id }}
      - name: Load and push
        run: |
          docker load -i \${{ inputs.image }}.tar
          docker tag openverse-\${{ inputs.image }} ghcr.io/\${{ github.repository_owner }}/openverse-\${{ inputs.image }}:\${{ inputs.commit }}
          docker push ghcr.io/\${{ github.repository_owner }}/openverse-\${{ inputs.image }}:\${{ inputs.commit }}
`;

export interface WorkflowFile {
  fileName: string;
  name: string;
  yaml: string;
}

export const REFERENCE_WORKFLOWS: readonly WorkflowFile[] = [
  { fileName: CI_WORKFLOW_FILE, name: CI_WORKFLOW_NAME, yaml: CI_WORKFLOW_YAML },
  { fileName: PUBLISH_WORKFLOW_FILE, name: PUBLISH_WORKFLOW_NAME, yaml: PUBLISH_WORKFLOW_YAML },
];

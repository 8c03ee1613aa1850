/** GitHub's error bodies, with the fields GitHub sends. */

export interface GitHubError {
  message: string;
  documentation_url: string;
  status: string;
}

const REST_DOCS = 'https://docs.github.com/rest';

export function gitHubError(status: number, message: string, documentationUrl = REST_DOCS): GitHubError {
  return { message, documentation_url: documentationUrl, status: String(status) };
}

export function notFound(): GitHubError {
  return gitHubError(404, 'Not Found');
}

export function badCredentials(): GitHubError {
  return gitHubError(401, 'Bad credentials');
}

export function requiresAuthentication(): GitHubError {
  return gitHubError(401, 'Requires authentication', `${REST_DOCS}/users/users#get-the-authenticated-user`);
}

export function validationFailed(message: string): GitHubError {
  return gitHubError(422, message);
}

export function primaryRateLimitExceeded(subject: string): GitHubError {
  return gitHubError(
    403,
    `API rate limit exceeded for ${subject}.`,
    'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
  );
}

export function secondaryRateLimitExceeded(requestId: string): GitHubError {
  return gitHubError(
    403,
    'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. ' +
      `If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
    'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  );
}

export function serverError(): GitHubError {
  return gitHubError(500, 'Server Error');
}

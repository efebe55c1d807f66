// Integration tests run with Payload's push on throw-away databases and quiet logs.
process.env.PAYLOAD_DISABLE_DEPENDENCY_CHECKER = 'true'

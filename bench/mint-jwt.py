#!/usr/bin/env python3
"""Mint an HS256 test token for Junction's JWT mode (standard library only, for local use).

  python3 bench/mint-jwt.py KEY ROLE [USER_ID] [SECONDS]

KEY is the "key" of HASURA_GRAPHQL_JWT_SECRET (type HS256); the token allows ROLE (its default role)
and carries x-hasura-user-id USER_ID (default 1); it expires in SECONDS (default 3600).
"""
import base64, hashlib, hmac, json, sys, time

def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

key, role = sys.argv[1], sys.argv[2]
user = sys.argv[3] if len(sys.argv) > 3 else "1"
seconds = int(sys.argv[4]) if len(sys.argv) > 4 else 3600
now = int(time.time())
claims = {"sub": user, "iat": now, "exp": now + seconds,
          "https://hasura.io/jwt/claims": {"x-hasura-allowed-roles": [role], "x-hasura-default-role": role,
                                           "x-hasura-user-id": user}}
head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode()) + "." + b64(json.dumps(claims).encode())
print(head + "." + b64(hmac.new(key.encode(), head.encode(), hashlib.sha256).digest()))

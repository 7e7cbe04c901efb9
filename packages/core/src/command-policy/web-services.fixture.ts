/**
 * The web-service packs' table (http, search, payment, gateway, and the SES deletions of the cloud
 * pack): commands they must stop, with the decision expected and the rule among the findings, and
 * harmless look-alikes that must be allowed with no finding. Mail and payment APIs with no CLI of
 * their own (Mailgun, Postmark, SendGrid, Braintree) are covered by the http pack's rules.
 */

import type { DangerousCase } from "./dangerous-commands.fixture.js";
import type { LookalikeCase } from "./lookalike-commands.fixture.js";

export const WEB_SERVICES_DANGEROUS: readonly DangerousCase[] = [
  // http.destroy: Elasticsearch / OpenSearch wildcards and _all
  ["curl -X DELETE localhost:9200/_all", "deny", "http.destroy"],
  ["curl -XDELETE 'http://localhost:9200/*'", "deny", "http.destroy"],
  ["curl -sXDELETE -u elastic:changeme 'https://es.internal:9200/logs-*'", "deny", "http.destroy"],
  ['curl --request DELETE "$ES_URL/_all?pretty"', "deny", "http.destroy"],
  ["curl --request=DELETE 'localhost:9200/.kibana*,logs-*'", "deny", "http.destroy"],
  ["curl -X DELETE 'localhost:9200/_data_stream/*'", "deny", "http.destroy"],
  ["curl -X DELETE 'localhost:9200/_snapshot/backups/*'", "deny", "http.destroy"],
  ["curl -k -u admin:admin -X DELETE 'https://localhost:9200/security-auditlog-*'", "deny", "http.destroy"],
  ["wget -qO- --method=DELETE 'http://localhost:9200/_all'", "deny", "http.destroy"],
  ["http DELETE :9200/_all", "deny", "http.destroy"],
  ["xh delete 'localhost:9200/logs-*'", "deny", "http.destroy"],
  ["sudo curl -XDELETE localhost:9200/_all", "deny", "http.destroy"],
  ["bash -c 'curl -s -X DELETE localhost:9200/_all'", "deny", "http.destroy"],
  ["ssh es-node-1 'curl -XDELETE localhost:9200/*'", "deny", "http.destroy"],
  // http.destroy: every document, a whole key store, everything of a kind
  [
    `curl -X POST 'localhost:9200/orders/_delete_by_query' -H 'Content-Type: application/json' -d '{"query": {"match_all": {}}}'`,
    "deny",
    "http.destroy",
  ],
  ["curl -XPOST 'localhost:9200/orders/_delete_by_query?q=*&conflicts=proceed'", "deny", "http.destroy"],
  [
    "curl -X POST localhost:9200/orders/_delete_by_query -H 'Content-Type: application/json' -d @- <<'EOF'\n{\"query\":{\"match_all\":{}}}\nEOF",
    "deny",
    "http.destroy",
  ],
  [`echo '{"query":{"match_all":{}}}' | http POST :9200/orders/_delete_by_query`, "deny", "http.destroy"],
  ["curl -X DELETE 'http://127.0.0.1:8500/v1/kv/?recurse'", "deny", "http.destroy"],
  ["curl --request DELETE 'http://consul:8500/v1/kv?recurse=true'", "deny", "http.destroy"],
  ["curl -X DELETE 'http://127.0.0.1:2379/v2/keys/?recursive=true&dir=true'", "deny", "http.destroy"],
  [
    "curl 'http://localhost:8983/solr/products/update?commit=true' -H 'Content-Type: text/xml' --data-binary '<delete><query>*:*</query></delete>'",
    "deny",
    "http.destroy",
  ],
  [
    `curl -X POST -H 'Content-Type: application/json' 'http://localhost:8983/solr/products/update?commit=true' -d '{"delete": {"query": "*:*"}}'`,
    "deny",
    "http.destroy",
  ],
  [
    "curl --request DELETE --url 'https://api.sendgrid.com/v3/marketing/contacts?delete_all_contacts=true' --header \"Authorization: Bearer $SENDGRID_API_KEY\"",
    "deny",
    "http.destroy",
  ],
  // http.delete: one thing deleted through an API
  ["curl -X DELETE localhost:9200/orders", "ask", "http.delete"],
  ["curl -XDELETE https://api.example.com/v1/users/42", "ask", "http.delete"],
  ["curl --request=DELETE https://api.example.com/v1/users/42", "ask", "http.delete"],
  ["curl -X delete https://api.example.com/v1/users/42", "ask", "http.delete"],
  ["curl -H 'Authorization: Bearer t0ken' -X DELETE https://api.example.com/items/1 -o /dev/null -w '%{http_code}'", "ask", "http.delete"],
  ["curl -X POST -H 'X-HTTP-Method-Override: DELETE' https://api.example.com/items/1", "ask", "http.delete"],
  ["wget --method=DELETE https://api.example.com/items/1", "ask", "http.delete"],
  ["wget --method DELETE -O- https://api.example.com/items/1", "ask", "http.delete"],
  ["http DELETE https://api.example.com/items/1 'Authorization:Bearer t0ken'", "ask", "http.delete"],
  ["https delete api.example.com/items/1", "ask", "http.delete"],
  ["xh delete localhost:7700/indexes/movies", "ask", "http.delete"],
  ["curl -X DELETE 'http://localhost:7700/indexes/movies/documents' -H 'Authorization: Bearer MASTER_KEY'", "ask", "http.delete"],
  ["curl -X DELETE 'http://localhost:8108/collections/companies' -H 'X-TYPESENSE-API-KEY: xyz'", "ask", "http.delete"],
  ["curl -X DELETE http://localhost:8001/services/billing", "ask", "http.delete"],
  ["curl -i -X DELETE http://kong:8001/routes/legacy-route", "ask", "http.delete"],
  ["curl -X DELETE 'http://localhost:8500/v1/kv/app/config?recurse'", "ask", "http.delete"],
  [
    `curl -X POST 'localhost:9200/orders/_delete_by_query' -H 'Content-Type: application/json' -d '{"query":{"term":{"status":"cancelled"}}}'`,
    "ask",
    "http.delete",
  ],
  ["curl 'http://localhost:8983/solr/admin/collections?action=DELETE&name=films'", "ask", "http.delete"],
  ["curl 'http://localhost:8983/solr/admin/cores?action=UNLOAD&core=films&deleteIndex=true'", "ask", "http.delete"],
  [
    "curl 'http://localhost:8983/solr/films/update?commit=true' -H 'Content-Type: text/xml' -d '<delete><id>tt0111161</id></delete>'",
    "ask",
    "http.delete",
  ],
  ['for i in 1 2 3; do curl -X DELETE "localhost:3000/api/todos/$i"; done', "ask", "http.delete"],
  ["sudo -u deploy curl -X DELETE http://localhost:8001/consumers/alice", "ask", "http.delete"],
  ["docker exec es curl -XDELETE localhost:9200/orders", "ask", "http.delete"],
  // http.delete: mail APIs (Mailgun, Postmark, SendGrid have no CLI that deletes)
  ["curl -s --user 'api:key-3ax6' -X DELETE https://api.mailgun.net/v3/domains/mg.example.com", "ask", "http.delete"],
  ["curl --user 'api:key-3ax6' -X DELETE https://api.mailgun.net/v3/mg.example.com/bounces", "ask", "http.delete"],
  [
    'curl -X DELETE "https://api.postmarkapp.com/servers/12345" -H "Accept: application/json" -H "X-Postmark-Account-Token: $POSTMARK_TOKEN"',
    "ask",
    "http.delete",
  ],
  [
    'curl --request DELETE --url https://api.sendgrid.com/v3/templates/d-2c214ac9 --header "Authorization: Bearer $SENDGRID_API_KEY"',
    "ask",
    "http.delete",
  ],
  // http.delete: payment APIs (Braintree has no CLI; Stripe's REST API next to its CLI)
  ['curl https://api.stripe.com/v1/customers/cus_NffrFeUfNV2Hib -u "$STRIPE_SECRET_KEY:" -X DELETE', "ask", "http.delete"],
  [
    'curl -X DELETE https://api.braintreegateway.com/merchants/m1/payment_methods/any/tok123 -u "$BT_PUBLIC_KEY:$BT_PRIVATE_KEY"',
    "ask",
    "http.delete",
  ],
];

export const WEB_SERVICES_LOOKALIKES: readonly LookalikeCase[] = [
  // http
  ["curl https://api.example.com", "http.delete"],
  [`curl -X POST https://api.example.com/items -H 'Content-Type: application/json' -d '{"name":"widget"}'`, "http.delete"],
  ["curl -d 'method=DELETE' https://api.example.com/form", "http.delete"],
  ["curl -H 'X-Action: DELETE' https://api.example.com/audit", "http.delete"],
  ["curl -X PUT localhost:9200/logs-2024", "http.delete"],
  ["curl -I https://api.example.com/items/1", "http.delete"],
  ["curl -o delete-me.json https://api.example.com/export", "http.delete"],
  ["wget https://example.com/downloads/delete-tool.tar.gz", "http.delete"],
  ["http GET https://api.example.com/items", "http.delete"],
  ["http --offline DELETE example.org/items/1", "http.delete"],
  ["xh --curl delete example.org/items/1", "http.delete"],
  ["curl --help all", "http.delete"],
  ["echo 'curl -X DELETE localhost:9200/_all'", "http.destroy"],
  ["grep -rn -- '-X DELETE' docs/", "http.delete"],
  ["http :9200/_cat/indices", "http.destroy"],
  ["curl -s 'localhost:9200/_cat/indices?v'", "http.destroy"],
  ["curl -X GET 'localhost:9200/_all/_search?q=*'", "http.destroy"],
  [`curl -X POST 'localhost:9200/orders/_search' -H 'Content-Type: application/json' -d '{"query":{"match_all":{}}}'`, "http.destroy"],
  ["curl 'http://localhost:8983/solr/films/select?q=*:*'", "http.destroy"],
  ["curl 'http://localhost:8983/solr/admin/collections?action=LIST'", "http.delete"],
  ["curl -X GET 'http://localhost:8500/v1/kv/?recurse'", "http.destroy"],
  [
    'curl --request GET --url https://api.sendgrid.com/v3/marketing/contacts --header "Authorization: Bearer $SENDGRID_API_KEY"',
    "http.delete",
  ],
  ['curl https://api.stripe.com/v1/customers -u "$STRIPE_SECRET_KEY:"', "http.delete"],
  ["curl -X POST http://localhost:8001/services --data name=billing --data url=http://billing:8080", "http.delete"],
];

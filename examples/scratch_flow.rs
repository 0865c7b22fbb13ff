use cin_procedure_explorer::publish::read;
use cin_procedure_explorer::wizard::flow;
fn main() {
    let c = read(std::path::Path::new(".")).unwrap();
    for e in &c.entries {
        let f = flow(&e.rules, &c.topics, &e.authority);
        println!("{}: {:?}", e.authority.slug, f.iter().map(|q| q.key).collect::<Vec<_>>());
    }
}
